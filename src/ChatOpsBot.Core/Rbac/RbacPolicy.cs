using System.Collections.Concurrent;

namespace ChatOpsBot.Core.Rbac;

/// <summary>
/// A cluster's RBAC objects, indexed for the lookups the authorizer and the diagnosis make:
/// bindings by namespace, roles by name, and effective rules with aggregation resolved.
/// </summary>
public sealed class RbacPolicy
{
    private readonly Dictionary<string, Role> _clusterRoles;
    private readonly Dictionary<(string Namespace, string Name), Role> _roles;
    private readonly Dictionary<string, List<Binding>> _roleBindings;
    private readonly List<Binding> _clusterRoleBindings;
    private readonly ConcurrentDictionary<Role, IReadOnlyList<PolicyRule>> _effectiveRules =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>Indexes the given roles and bindings (later duplicates of a name win).</summary>
    public RbacPolicy(IEnumerable<Role> roles, IEnumerable<Binding> bindings)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(bindings);

        _clusterRoles = new Dictionary<string, Role>(StringComparer.Ordinal);
        _roles = [];
        foreach (var role in roles)
        {
            if (role.IsClusterRole)
            {
                _clusterRoles[role.Name] = role;
            }
            else
            {
                _roles[(role.Namespace!, role.Name)] = role;
            }
        }

        _roleBindings = new Dictionary<string, List<Binding>>(StringComparer.Ordinal);
        _clusterRoleBindings = [];
        foreach (var binding in bindings)
        {
            if (binding.IsClusterRoleBinding)
            {
                _clusterRoleBindings.Add(binding);
                continue;
            }

            if (!_roleBindings.TryGetValue(binding.Namespace!, out var list))
            {
                list = [];
                _roleBindings[binding.Namespace!] = list;
            }

            list.Add(binding);
        }
    }

    /// <summary>Every ClusterRole.</summary>
    public IEnumerable<Role> ClusterRoles => _clusterRoles.Values;

    /// <summary>Every Role and ClusterRole.</summary>
    public IEnumerable<Role> AllRoles => _clusterRoles.Values.Concat(_roles.Values);

    /// <summary>Every ClusterRoleBinding.</summary>
    public IReadOnlyList<Binding> ClusterRoleBindings => _clusterRoleBindings;

    /// <summary>Every RoleBinding in every namespace.</summary>
    public IEnumerable<Binding> AllRoleBindings => _roleBindings.Values.SelectMany(list => list);

    /// <summary>The RoleBindings of one namespace.</summary>
    public IReadOnlyList<Binding> RoleBindingsIn(string @namespace) =>
        _roleBindings.TryGetValue(@namespace, out var list) ? list : [];

    /// <summary>A ClusterRole by name, or null.</summary>
    public Role? FindClusterRole(string name) => _clusterRoles.GetValueOrDefault(name);

    /// <summary>A Role by namespace and name, or null.</summary>
    public Role? FindRole(string @namespace, string name) =>
        _roles.GetValueOrDefault((@namespace, name));

    /// <summary>
    /// The role a binding refers to: a ClusterRole, or a Role in the binding's namespace.
    /// Null when it does not exist (or a ClusterRoleBinding names a Role, which is invalid).
    /// </summary>
    public Role? Resolve(Binding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return binding.RoleRef.Kind switch
        {
            "ClusterRole" => FindClusterRole(binding.RoleRef.Name),
            "Role" when binding.Namespace is not null =>
                FindRole(binding.Namespace, binding.RoleRef.Name),
            _ => null,
        };
    }

    /// <summary>
    /// The rules a role grants. For an aggregated ClusterRole whose sources are present, the
    /// rules are computed from them (recursively); otherwise the stored rules are used, which
    /// on a live cluster the aggregation controller has already filled in.
    /// </summary>
    public IReadOnlyList<PolicyRule> RulesOf(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return RulesOf(role, new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// A copy of this policy with more bindings: a proposed fix applied "what if".
    /// </summary>
    public RbacPolicy With(IEnumerable<Binding> extraBindings, IEnumerable<Role>? extraRoles = null)
    {
        ArgumentNullException.ThrowIfNull(extraBindings);
        var roles = AllRoles.Concat(extraRoles ?? []);
        var bindings = _clusterRoleBindings.Concat(AllRoleBindings).Concat(extraBindings);
        return new RbacPolicy(roles, bindings);
    }

    private IReadOnlyList<PolicyRule> RulesOf(Role role, HashSet<string> visiting)
    {
        if (role.AggregationSelectors is not { Count: > 0 } || !role.IsClusterRole)
        {
            return role.Rules;
        }

        if (_effectiveRules.TryGetValue(role, out var cached))
        {
            return cached;
        }

        // A cycle of aggregated roles cannot be resolved; fall back to what is stored.
        if (!visiting.Add(role.Name))
        {
            return role.Rules;
        }

        var sources = ClusterRoleAggregator.Sources(role, _clusterRoles.Values).ToList();
        IReadOnlyList<PolicyRule> rules = sources.Count == 0
            ? role.Rules
            : ClusterRoleAggregator.Aggregate(role, sources, source => RulesOf(source, visiting));

        visiting.Remove(role.Name);
        _effectiveRules[role] = rules;
        return rules;
    }
}
