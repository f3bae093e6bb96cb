using ChatOpsBot.Core.Fixes;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>Turns planned changes into proposed fixes, with the checks that back them.</summary>
internal static class FixProposals
{
    // Control-plane namespaces: a convention from team namespaces must not reach them.
    private static readonly HashSet<string> SystemNamespaces =
        new(StringComparer.Ordinal) { "kube-system", "kube-public", "kube-node-lease" };

    public static ProposedFix? ForBinding(
        DiagnosisInput input,
        UserInfo user,
        IReadOnlyList<Subject> subjects,
        IReadOnlyList<RoleRef> avoid,
        List<Check> checks,
        out Subject? bound)
    {
        bound = null;
        var target = input.Requests[0].Namespace;
        if (SystemNamespaces.Contains(target))
        {
            checks.Add(new Check(CheckNames.FixVerified, CheckStatus.Skip,
                $"The bot proposes no access to the system namespace {target}: the platform team " +
                "decides that by hand."));
            return null;
        }

        var plan = BindingFixPlanner.Plan(new BindingFixRequest(
            input.Policy, user, subjects, input.Requests, input.Requests[0].Namespace, avoid));
        if (plan is null)
        {
            checks.Add(new Check(CheckNames.FixVerified, CheckStatus.Skip,
                "The identity has no subject a binding could name."));
            return null;
        }

        bound = plan.Verified ? plan.Binding.Subjects[0] : null;
        checks.Add(SiblingCheck(plan));
        checks.Add(VerifiedCheck(input, plan.Verified, BindingKind(plan.Binding)));
        return plan.Verified ? ToFix(plan) : null;
    }

    public static ProposedFix? ForMissingRole(
        DiagnosisInput input,
        UserInfo user,
        IdentityBinding broken,
        IReadOnlyList<Subject> subjects,
        List<Check> checks)
    {
        var binding = broken.Binding;
        var sibling = SiblingRole(input.Policy, binding);
        var copied = sibling is null
            ? null
            : CopySiblingRole(input, user, binding, sibling, checks);
        if (copied is not null)
        {
            return copied;
        }

        var bound = new[] { broken.Subject }
            .Concat(subjects.Where(subject => subject != broken.Subject))
            .ToList();
        return ForBinding(input, user, bound, [binding.RoleRef], checks, out _);
    }

    public static ProposedFix? AddGroup(
        DiagnosisInput input, UserInfo user, string group, List<Check> checks)
    {
        var chosen = input.Identity.Chosen;
        var applied = user with { Groups = [.. user.Groups, group] };
        var verified = input.Requests.All(request =>
            RbacAuthorizer.Authorize(input.Policy, applied, request).Allowed);
        checks.Add(VerifiedCheck(input, verified, "mapping change"));
        if (!verified || chosen.PrincipalArn is null)
        {
            return null;
        }

        var groups = chosen.Groups
            .Where(existing => !ImplicitGroups.IsImplicit(existing))
            .Append(group)
            .ToList();
        if (chosen.Source == IdentitySource.AccessEntry)
        {
            return AccessEntryFix(chosen.PrincipalArn, groups);
        }

        var username = chosen.UsernameTemplate ?? chosen.User;
        var entry = AwsAuthEntryWriter.MapRoleEntry(chosen.PrincipalArn, username, groups);
        return new ProposedFix("ConfigMap", "kube-system", "aws-auth",
            "# Replace this role's entry under data.mapRoles " +
            "of ConfigMap kube-system/aws-auth:\n" + entry,
            $"Add group {group} to the aws-auth mapping of {chosen.PrincipalArn}.");
    }

    public static ProposedFix? MapIdentity(DiagnosisInput input)
    {
        var arn = input.Identity.Chosen.PrincipalArn;
        if (arn is null || !input.Identity.IsUnmapped)
        {
            return null;
        }

        var entry = AwsAuthEntryWriter.MapRoleEntry(arn, "{{SessionName}}", []);
        return new ProposedFix("ConfigMap", "kube-system", "aws-auth",
            "# Add under data.mapRoles of ConfigMap kube-system/aws-auth, " +
            "with the team's Kubernetes groups:\n" + entry,
            $"Map IAM role {arn} in aws-auth so the cluster recognises it, " +
            "then give it the team's groups.");
    }

    // A Role of the same name in another namespace is most likely the one the binding meant.
    private static Role? SiblingRole(RbacPolicy policy, Binding binding) =>
        binding.RoleRef.IsClusterRole || binding.Namespace is null
            ? null
            : policy.AllRoles.FirstOrDefault(role =>
                role.Namespace is not null
                && role.Namespace != binding.Namespace
                && role.Name == binding.RoleRef.Name);

    private static ProposedFix? CopySiblingRole(
        DiagnosisInput input, UserInfo user, Binding binding, Role sibling, List<Check> checks)
    {
        var copy = sibling with
        {
            Namespace = binding.Namespace,
            Labels = new Dictionary<string, string>(),
        };
        var applied = input.Policy.With([], [copy]);
        var verified = input.Requests.All(request =>
            RbacAuthorizer.Authorize(applied, user, request).Allowed);
        checks.Add(new Check(CheckNames.SiblingNamespaces, CheckStatus.Pass,
            $"Namespace {sibling.Namespace} has a Role {sibling.Name}; " +
            $"the fix creates the same Role in {binding.Namespace}."));
        checks.Add(VerifiedCheck(input, verified, "Role"));
        if (!verified)
        {
            return null;
        }

        var comment = $"Copied from namespace {sibling.Namespace}: {binding.Name} refers to it.";
        return new ProposedFix("Role", copy.Namespace, copy.Name,
            ManifestWriter.Write(copy, comment),
            $"Create Role {copy.Name} in {copy.Namespace}, as namespace {sibling.Namespace} " +
            $"has it, so {binding.Name} grants what it was meant to.");
    }

    private static ProposedFix AccessEntryFix(string principalArn, IReadOnlyList<string> groups)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(
            new { principalArn, kubernetesGroups = groups });
        return new ProposedFix("AccessEntry", null, principalArn,
            "# EKS access entry (aws eks update-access-entry --cli-input-json):\n" + json + "\n",
            $"Add the group to the EKS access entry of {principalArn}.");
    }

    private static ProposedFix ToFix(BindingFix plan)
    {
        var binding = plan.Binding;
        var kind = BindingKind(binding);
        var subject = IdentitySubjects.Describe(binding.Subjects[0]);
        var where = binding.IsClusterRoleBinding ? "cluster-wide" : $"in {binding.Namespace}";
        var follows = plan.Convention is null
            ? ""
            : $", as {plan.Convention.Examples[0].Name} " +
                $"does in {plan.Convention.Examples[0].Namespace}";
        var summary = $"{kind} {binding.Name} {where} binds " +
            $"{binding.RoleRef.Kind} {binding.RoleRef.Name} to {subject}{follows}.";

        var comment = binding.IsClusterRoleBinding
            ? $"CLUSTER-WIDE: this ClusterRoleBinding grants {binding.RoleRef.Name} " +
                "in every namespace."
            : null;
        var yaml = ManifestWriter.Write(binding, comment);
        if (plan.NewRole is not null)
        {
            var roleComment =
                "No existing role covers the request: a role with exactly what it needs.";
            yaml = ManifestWriter.Write(plan.NewRole, roleComment) + "---\n" + yaml;
            var roleKind = plan.NewRole.IsClusterRole ? "ClusterRole" : "Role";
            summary += $" It also creates {roleKind} {plan.NewRole.Name} " +
                "with exactly the permissions needed.";
        }

        return new ProposedFix(kind, binding.Namespace, binding.Name, yaml, summary);
    }

    private static Check SiblingCheck(BindingFix plan)
    {
        if (plan.Convention is null)
        {
            return new Check(CheckNames.SiblingNamespaces, CheckStatus.Skip,
                "No other namespace binds these subjects; " +
                "the fix uses the least-privileged role that covers the request.");
        }

        var examples = plan.Convention.Examples
            .Take(3)
            .Select(binding => $"{binding.Name} in {binding.Namespace}");
        var count = plan.Convention.Examples.Count;
        var subject = IdentitySubjects.Describe(plan.Convention.Subject);
        return new Check(CheckNames.SiblingNamespaces, CheckStatus.Pass,
            $"{count} other namespace{(count == 1 ? " binds" : "s bind")} {subject} to " +
            $"{plan.Convention.RoleRef.Kind} {plan.Convention.RoleRef.Name} " +
            $"({string.Join(", ", examples)}); the fix follows them.");
    }

    private static Check VerifiedCheck(DiagnosisInput input, bool verified, string what)
    {
        if (!verified)
        {
            return new Check(CheckNames.FixVerified, CheckStatus.Fail,
                $"No {what} found that the evaluator accepts; " +
                "a platform engineer has to look at this one.");
        }

        var requests = string.Join(" and ", input.Requests.Select(RequestPlanner.Describe));
        return new Check(CheckNames.FixVerified, CheckStatus.Pass,
            $"With the {what} applied, the evaluator allows {requests} for {input.Identity.User}.");
    }

    private static string BindingKind(Binding binding) =>
        binding.IsClusterRoleBinding ? "ClusterRoleBinding" : "RoleBinding";
}
