using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Fixes;

/// <summary>What a binding fix must achieve.</summary>
/// <param name="Policy">The cluster's RBAC as it is.</param>
/// <param name="User">The identity that must be allowed.</param>
/// <param name="Subjects">Subjects that stand for the identity, preferred first.</param>
/// <param name="Requests">Every request that must be allowed (both exec verbs, say).</param>
/// <param name="Namespace">The namespace to bind in; empty for a cluster-wide binding.</param>
/// <param name="AvoidRoles">Roles already bound that do not cover the requests.</param>
public sealed record BindingFixRequest(
    RbacPolicy Policy,
    UserInfo User,
    IReadOnlyList<Subject> Subjects,
    IReadOnlyList<RequestAttributes> Requests,
    string Namespace,
    IReadOnlyList<RoleRef> AvoidRoles);

/// <summary>A binding fix, checked against the evaluator.</summary>
/// <param name="Binding">The binding to add.</param>
/// <param name="NewRole">
/// A role to create with it, when no existing role covers the requests.
/// </param>
/// <param name="Convention">The sibling convention followed, or null.</param>
/// <param name="Verified">True when, with the fix applied, every request is allowed.</param>
public sealed record BindingFix(
    Binding Binding,
    Role? NewRole,
    SiblingConvention? Convention,
    bool Verified);
