using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Fixes;

/// <summary>
/// Proposes the binding that grants an identity what it lacks: the sibling namespaces'
/// convention (subject, role, naming) when one covers the request, otherwise the
/// least-privileged existing role that does, otherwise a new role with exactly the rules
/// needed. Every proposal is checked with the evaluator before it is returned.
/// </summary>
public static class BindingFixPlanner
{
    /// <summary>The fix, or null when the identity has no subject a binding could name.</summary>
    public static BindingFix? Plan(BindingFixRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subjects.Count == 0 || request.Requests.Count == 0)
        {
            return null;
        }

        foreach (var candidate in Candidates(request))
        {
            var fix = Build(request, candidate);
            if (fix.Verified)
            {
                return fix;
            }
        }

        return Build(request, NewRoleCandidate(request));
    }

    private sealed record Candidate(
        Subject Subject,
        RoleRef RoleRef,
        Role? NewRole,
        SiblingConvention? Convention);

    private static IEnumerable<Candidate> Candidates(BindingFixRequest request)
    {
        var conventions = request.Namespace.Length == 0
            ? []
            : SiblingConventions.Find(request.Policy, request.Subjects, request.Namespace);

        var covering = conventions
            .Select(convention => (convention, role: RoleInTarget(request, convention.RoleRef)))
            .Where(pair => pair.role is not null && Covers(request, pair.role))

            // Even a convention does not make a grant-everything role a least-privilege fix.
            .Where(pair => !GrantsEverything(request.Policy.RulesOf(pair.role!)))
            .OrderBy(pair => RolePrivilege.Score(request.Policy.RulesOf(pair.role!)))
            .ThenByDescending(pair => pair.convention.Examples.Count);
        foreach (var (convention, _) in covering)
        {
            yield return new Candidate(convention.Subject, convention.RoleRef, null, convention);
        }

        var subject = conventions.Count > 0 ? conventions[0].Subject : request.Subjects[0];
        foreach (var role in LeastPrivilegedRoles(request))
        {
            var naming = conventions.FirstOrDefault(convention => convention.Subject == subject);
            yield return new Candidate(subject, RefTo(role), null, naming);
        }
    }

    private static IEnumerable<Role> LeastPrivilegedRoles(BindingFixRequest request)
    {
        var roles = request.Policy.ClusterRoles
            .Where(role => ImplicitGroups.IsTeamGroup(role.Name));
        if (request.Namespace.Length > 0)
        {
            var namespaceRoles = request.Policy.AllRoles
                .Where(role => role.Namespace == request.Namespace);
            roles = roles.Concat(namespaceRoles);
        }

        // A role that grants everything (cluster-admin) is never a least-privilege proposal:
        // a role with exactly the rules needed is proposed instead.
        return roles
            .Where(role => !GrantsEverything(request.Policy.RulesOf(role)))
            .Where(role => !request.AvoidRoles.Contains(RefTo(role)))
            .Where(role => Covers(request, role))
            .OrderBy(role => RolePrivilege.Score(request.Policy.RulesOf(role)))
            .ThenBy(role => role.Name, StringComparer.Ordinal);
    }

    private static Candidate NewRoleCandidate(BindingFixRequest request)
    {
        var subject = request.Subjects[0];
        var first = request.Requests[0];
        var verbs = string.Join("-", request.Requests.Select(item => item.Verb).Distinct());
        var name = $"{first.Resource}-{verbs}";
        if (first.Subresource.Length > 0)
        {
            name = $"{first.Resource}-{first.Subresource}-{verbs}";
        }

        var role = new Role
        {
            Name = name,
            Namespace = request.Namespace.Length == 0 ? null : request.Namespace,
            Rules = RulesFor(request.Requests),
        };
        return new Candidate(subject, RefTo(role), role, null);
    }

    private static List<PolicyRule> RulesFor(IReadOnlyList<RequestAttributes> requests) =>
        requests
            .GroupBy(item =>
                (item.IsResourceRequest, item.ApiGroup, item.CombinedResource, item.Path))
            .Select(group => group.Key.IsResourceRequest
                ? new PolicyRule
                {
                    ApiGroups = [group.Key.ApiGroup],
                    Resources = [group.Key.CombinedResource],
                    Verbs = group.Select(item => item.Verb).Distinct().ToArray(),
                }
                : new PolicyRule
                {
                    NonResourceUrls = [group.Key.Path],
                    Verbs = group.Select(item => item.Verb).Distinct().ToArray(),
                })
            .ToList();

    private static BindingFix Build(BindingFixRequest request, Candidate candidate)
    {
        var @namespace = request.Namespace.Length == 0 ? null : request.Namespace;
        var existing = @namespace is null
            ? request.Policy.ClusterRoleBindings
            : request.Policy.RoleBindingsIn(@namespace);
        var taken = existing
            .Select(binding => binding.Name)
            .ToHashSet(StringComparer.Ordinal);
        var name = BindingNamer.Name(
            candidate.Convention?.NameTemplate,
            request.Namespace,
            candidate.Subject,
            candidate.RoleRef,
            taken);

        var binding = new Binding
        {
            Name = name,
            Namespace = @namespace,
            RoleRef = candidate.RoleRef,
            Subjects = [candidate.Subject],
        };

        var applied = request.Policy.With(
            [binding], candidate.NewRole is null ? null : [candidate.NewRole]);
        var verified = request.Requests.All(item =>
            RbacAuthorizer.Authorize(applied, request.User, item).Allowed);
        return new BindingFix(binding, candidate.NewRole, candidate.Convention, verified);
    }

    private static bool GrantsEverything(IReadOnlyList<PolicyRule> rules) =>
        rules.Any(rule =>
            rule.Verbs.Contains(RuleMatcher.All) && rule.Resources.Contains(RuleMatcher.All));

    private static Role? RoleInTarget(BindingFixRequest request, RoleRef roleRef) =>
        roleRef.IsClusterRole
            ? request.Policy.FindClusterRole(roleRef.Name)
            : request.Namespace.Length == 0
                ? null
                : request.Policy.FindRole(request.Namespace, roleRef.Name);

    private static bool Covers(BindingFixRequest request, Role role) =>
        RolePrivilege.CoversAll(request.Policy.RulesOf(role), request.Requests);

    private static RoleRef RefTo(Role role) =>
        new(role.IsClusterRole ? "ClusterRole" : "Role", role.Name);
}
