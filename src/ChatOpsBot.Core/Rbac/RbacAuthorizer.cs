namespace ChatOpsBot.Core.Rbac;

/// <summary>Which binding, role and rule allowed a request.</summary>
public sealed record Grant(Binding Binding, Role Role, PolicyRule Rule);

/// <summary>The RBAC answer for one request, with its evidence.</summary>
/// <param name="Allowed">True when some rule of some applicable binding allows the request.</param>
/// <param name="Grant">The first grant found, when allowed.</param>
/// <param name="MissingRoleBindings">Applicable bindings whose role does not exist.</param>
public sealed record AuthorizationResult(
    bool Allowed, Grant? Grant, IReadOnlyList<Binding> MissingRoleBindings);

/// <summary>
/// The Kubernetes RBAC authorizer: ClusterRoleBindings first, then the RoleBindings of the
/// request's namespace, allowing when any rule of a bound role matches.
/// </summary>
public static class RbacAuthorizer
{
    /// <summary>Decides one request for one user.</summary>
    public static AuthorizationResult Authorize(
        RbacPolicy policy, UserInfo user, RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);

        var missing = new List<Binding>();
        foreach (var binding in ApplicableBindings(policy, user, request.Namespace))
        {
            var role = policy.Resolve(binding);
            if (role is null)
            {
                missing.Add(binding);
                continue;
            }

            var rule = policy.RulesOf(role)
                .FirstOrDefault(candidate => RuleMatcher.Allows(candidate, request));
            if (rule is not null)
            {
                return new AuthorizationResult(true, new Grant(binding, role, rule), missing);
            }
        }

        return new AuthorizationResult(false, null, missing);
    }

    /// <summary>
    /// The bindings that apply to the user for a namespace: matching ClusterRoleBindings,
    /// then matching RoleBindings of the namespace (none for cluster scope).
    /// </summary>
    public static IEnumerable<Binding> ApplicableBindings(
        RbacPolicy policy, UserInfo user, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(@namespace);

        foreach (var binding in policy.ClusterRoleBindings)
        {
            if (SubjectMatcher.FirstMatch(binding.Subjects, user, null) >= 0)
            {
                yield return binding;
            }
        }

        if (@namespace.Length == 0)
        {
            yield break;
        }

        foreach (var binding in policy.RoleBindingsIn(@namespace))
        {
            if (SubjectMatcher.FirstMatch(binding.Subjects, user, @namespace) >= 0)
            {
                yield return binding;
            }
        }
    }

    /// <summary>Every rule the user holds in a namespace (cluster-wide rules included).</summary>
    public static IReadOnlyList<PolicyRule> RulesFor(
        RbacPolicy policy, UserInfo user, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return ApplicableBindings(policy, user, @namespace)
            .Select(policy.Resolve)
            .OfType<Role>()
            .SelectMany(policy.RulesOf)
            .ToList();
    }

    /// <summary>The group the API server lets do anything, before any authorizer runs.</summary>
    public static readonly Subject PrivilegedGroup = new(SubjectKinds.Group, "system:masters");

    /// <summary>
    /// Every subject allowed to make the request: <c>system:masters</c> (always allowed), then
    /// those of allowing ClusterRoleBindings, then of allowing RoleBindings in the request's
    /// namespace, without repeats. Clusters of old Kubernetes versions could also name a
    /// legacy <paramref name="superUser"/>, allowed like <c>system:masters</c>.
    /// </summary>
    public static IReadOnlyList<Subject> WhoCan(
        RbacPolicy policy, RequestAttributes request, string? superUser = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);

        var bindings = policy.ClusterRoleBindings.AsEnumerable();
        if (request.Namespace.Length > 0)
        {
            bindings = bindings.Concat(policy.RoleBindingsIn(request.Namespace));
        }

        var subjects = new List<Subject> { PrivilegedGroup };
        if (!string.IsNullOrEmpty(superUser))
        {
            subjects.Add(new Subject(SubjectKinds.User, superUser));
        }

        foreach (var binding in bindings)
        {
            var role = policy.Resolve(binding);
            var allows = role is not null
                && policy.RulesOf(role).Any(rule => RuleMatcher.Allows(rule, request));
            if (!allows)
            {
                continue;
            }

            foreach (var subject in binding.Subjects)
            {
                var qualified = Qualify(subject, binding);
                if (!subjects.Contains(qualified))
                {
                    subjects.Add(qualified);
                }
            }
        }

        return subjects;
    }

    // A ServiceAccount subject without a namespace means the binding's own namespace.
    private static Subject Qualify(Subject subject, Binding binding) =>
        subject.Kind == SubjectKinds.ServiceAccount && string.IsNullOrEmpty(subject.Namespace)
            ? subject with { Namespace = binding.Namespace }
            : subject;
}
