using ChatOpsBot.Core.Fixes;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>
/// Tells the RBAC causes apart once the request is known to be denied: a binding whose role
/// is missing, a binding whose role lacks the permission, a group the identity lacks, or no
/// binding at all.
/// </summary>
internal static class RbacCauses
{
    public static DiagnosisReport Explain(
        DiagnosisInput input,
        UserInfo user,
        IReadOnlyList<RequestAnswer> answers,
        List<Check> checks)
    {
        var requests = input.Requests;
        var analysis = BindingAnalysis.Examine(input.Policy, user, requests);
        AddBindingChecks(input, analysis, checks);

        var scope = RequestPlanner.DescribeScope(requests[0]);
        var words = DiagnosisEngine.Words(input);
        var missingRole = analysis.ForIdentity.Where(binding => binding.Role is null).ToList();
        var lacking = analysis.ForIdentity.Where(binding => binding.Role is not null).ToList();
        var subjects = IdentitySubjects.For(input.Identity);

        if (missingRole.Count > 0)
        {
            var first = missingRole[0];
            var fix = FixProposals.ForMissingRole(input, user, first, subjects, checks);
            return DiagnosisEngine.Report(input, checks, false, CauseCode.RoleNotFound,
                $"{GivesRole(first)}, which does not exist, so nothing is granted.",
                fix);
        }

        if (lacking.Count > 0)
        {
            var first = lacking[0];
            var bound = new[] { first.Subject }
                .Concat(subjects.Where(subject => subject != first.Subject))
                .ToList();
            var avoid = lacking.Select(binding => binding.Binding.RoleRef).ToList();
            var fix = FixProposals.ForBinding(input, user, bound, avoid, checks, out _);
            return DiagnosisEngine.Report(input, checks, false, CauseCode.RoleLacksPermission,
                $"{GivesRole(first)}, which does not allow {words}; " +
                "a binding's role cannot be changed, so a new binding is needed.",
                fix);
        }

        if (analysis.GrantedToOtherGroups.Count > 0 && IsGroupMappingProblem(input, subjects))
        {
            var (group, binding) = analysis.GrantedToOtherGroups[0];
            var fix = FixProposals.AddGroup(input, user, group, checks);
            return DiagnosisEngine.Report(input, checks, false, CauseCode.GroupNotMapped,
                $"Group {group} is allowed to {words} (through {Kind(binding)} {binding.Name}), " +
                $"but {input.Identity.User} is not in it: the identity mapping lacks the group.",
                fix);
        }

        var missingFix =
            FixProposals.ForBinding(input, user, subjects, [], checks, out var fixSubject);
        var who = fixSubject is not null
            ? IdentitySubjects.Describe(fixSubject)
            : subjects.Count == 0
                ? input.Identity.User
                : string.Join(" or ", subjects.Select(IdentitySubjects.Describe));
        var kind = requests[0].Namespace.Length == 0 ? "ClusterRoleBinding" : "RoleBinding";
        return DiagnosisEngine.Report(input, checks, false, CauseCode.MissingBinding,
            $"Missing {kind} for {who} {scope}: " +
            $"nothing there lets {input.Identity.User} {RequestPlanner.Describe(requests[0])}.",
            missingFix);
    }

    // The group is the problem only for an IAM-mapped identity whose own groups are bound
    // nowhere else either: had they been, the namespace would simply lack its binding.
    private static bool IsGroupMappingProblem(DiagnosisInput input, IReadOnlyList<Subject> subjects)
    {
        var source = input.Identity.Chosen.Source;
        if (source is not (IdentitySource.AwsAuth or IdentitySource.AccessEntry)
            || input.Identity.Chosen.PrincipalArn is null)
        {
            return false;
        }

        var groups = subjects.Where(subject => subject.Kind == SubjectKinds.Group).ToList();
        var @namespace = input.Requests[0].Namespace;
        return groups.Count == 0
            || SiblingConventions.Find(input.Policy, groups, @namespace).Count == 0;
    }

    private static void AddBindingChecks(
        DiagnosisInput input, BindingAnalysis analysis, List<Check> checks)
    {
        var scope = RequestPlanner.DescribeScope(input.Requests[0]);
        if (analysis.ForIdentity.Count == 0)
        {
            checks.Add(new Check(CheckNames.BindingsForIdentity, CheckStatus.Fail,
                $"No binding {scope} names {input.Identity.User} or any of its groups."));
        }
        else
        {
            AddIdentityBindingChecks(input, analysis.ForIdentity, checks);
        }

        foreach (var (group, binding) in analysis.GrantedToOtherGroups.Take(3))
        {
            checks.Add(new Check(CheckNames.GrantedToOthers, CheckStatus.Warn,
                $"Group {group} is allowed through {Kind(binding)} {binding.Name}; " +
                $"{input.Identity.User} is not in that group."));
        }
    }

    // Which bindings name the identity, whether their roles exist, and what each role grants.
    private static void AddIdentityBindingChecks(
        DiagnosisInput input, IReadOnlyList<IdentityBinding> bindings, List<Check> checks)
    {
        var named = bindings.Select(binding =>
            $"{Kind(binding.Binding)} {binding.Binding.Name} " +
            $"names {IdentitySubjects.Describe(binding.Subject)}");
        checks.Add(new Check(CheckNames.BindingsForIdentity, CheckStatus.Pass,
            string.Join("; ", named)));

        var missing = bindings.Where(binding => binding.Role is null).ToList();
        checks.Add(missing.Count == 0
            ? new Check(CheckNames.RolesExist, CheckStatus.Pass,
                "Every role these bindings refer to exists.")
            : new Check(CheckNames.RolesExist, CheckStatus.Fail,
                string.Join("; ", missing.Select(MissingRole))));

        foreach (var binding in bindings.Where(binding => binding.Role is not null))
        {
            var roleRef = binding.Binding.RoleRef;
            var status = binding.Covers ? CheckStatus.Pass : CheckStatus.Fail;
            var verdict = binding.Covers
                ? "allows it."
                : $"does not allow {Lacking(input, binding.Role!)}.";
            checks.Add(new Check(CheckNames.RolesGrant, status,
                $"{roleRef.Kind} {roleRef.Name} (via {binding.Binding.Name}) " + verdict));
        }
    }

    private static string MissingRole(IdentityBinding binding) =>
        $"{binding.Binding.RoleRef.Kind} {binding.Binding.RoleRef.Name} " +
        $"(used by {binding.Binding.Name}) does not exist";

    // The start of a cause sentence: which binding gives which subject which role.
    private static string GivesRole(IdentityBinding binding) =>
        $"{Kind(binding.Binding)} {binding.Binding.Name} " +
        $"gives {IdentitySubjects.Describe(binding.Subject)} " +
        $"the {binding.Binding.RoleRef.Kind} {binding.Binding.RoleRef.Name}";

    private static string Lacking(DiagnosisInput input, Role role)
    {
        var rules = input.Policy.RulesOf(role);
        return string.Join(" or ", input.Requests
            .Where(request => !rules.Any(rule => RuleMatcher.Allows(rule, request)))
            .Select(RequestPlanner.Describe));
    }

    private static string Kind(Binding binding) =>
        binding.IsClusterRoleBinding ? "ClusterRoleBinding" : "RoleBinding";
}
