using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>A binding that names the identity (not just through an implicit group).</summary>
/// <param name="Binding">The binding.</param>
/// <param name="Subject">The subject of it that names the identity.</param>
/// <param name="Role">The role it refers to, or null when that role does not exist.</param>
/// <param name="Covers">True when the role allows every request.</param>
public sealed record IdentityBinding(Binding Binding, Subject Subject, Role? Role, bool Covers);

/// <summary>What the bindings of a namespace say about an identity and a set of requests.</summary>
public sealed record BindingAnalysis
{
    /// <summary>Bindings that name the identity, in the authorizer's order.</summary>
    public IReadOnlyList<IdentityBinding> ForIdentity { get; init; } = [];

    /// <summary>
    /// Team groups (not <c>system:</c>) the identity lacks that are granted every request here.
    /// </summary>
    public IReadOnlyList<(string Group, Binding Binding)> GrantedToOtherGroups { get; init; } = [];

    /// <summary>Examines the policy for the identity and requests.</summary>
    public static BindingAnalysis Examine(
        RbacPolicy policy, UserInfo user, IReadOnlyList<RequestAttributes> requests)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(requests);

        var @namespace = requests.Count == 0 ? "" : requests[0].Namespace;

        return new BindingAnalysis
        {
            ForIdentity = IdentityBindings(policy, user, @namespace, requests),
            GrantedToOtherGroups = OtherGroups(policy, user, @namespace, requests),
        };
    }

    private static List<IdentityBinding> IdentityBindings(
        RbacPolicy policy,
        UserInfo user,
        string @namespace,
        IReadOnlyList<RequestAttributes> requests)
    {
        var found = new List<IdentityBinding>();
        foreach (var binding in RbacAuthorizer.ApplicableBindings(policy, user, @namespace))
        {
            // Everyone holds the implicit groups' bindings (discovery, basic-user): not evidence.
            var subject = binding.Subjects.FirstOrDefault(candidate =>
                SubjectMatcher.AppliesTo(candidate, user, binding.Namespace)
                && !IsImplicitGroup(candidate));
            if (subject is null)
            {
                continue;
            }

            var role = policy.Resolve(binding);
            var covers = role is not null
                && Fixes.RolePrivilege.CoversAll(policy.RulesOf(role), requests);
            found.Add(new IdentityBinding(binding, subject, role, covers));
        }

        return found;
    }

    private static List<(string, Binding)> OtherGroups(
        RbacPolicy policy,
        UserInfo user,
        string @namespace,
        IReadOnlyList<RequestAttributes> requests)
    {
        var bindings = @namespace.Length == 0
            ? policy.ClusterRoleBindings
            : policy.RoleBindingsIn(@namespace);
        var found = new List<(string, Binding)>();
        foreach (var binding in bindings)
        {
            var role = policy.Resolve(binding);
            if (role is null || !Fixes.RolePrivilege.CoversAll(policy.RulesOf(role), requests))
            {
                continue;
            }

            foreach (var subject in binding.Subjects)
            {
                if (subject.Kind == SubjectKinds.Group
                    && ImplicitGroups.IsTeamGroup(subject.Name)
                    && !user.Groups.Contains(subject.Name, StringComparer.Ordinal)
                    && !found.Any(pair => pair.Item1 == subject.Name))
                {
                    found.Add((subject.Name, binding));
                }
            }
        }

        return found;
    }

    private static bool IsImplicitGroup(Subject subject) =>
        subject.Kind == SubjectKinds.Group && ImplicitGroups.IsImplicit(subject.Name);
}
