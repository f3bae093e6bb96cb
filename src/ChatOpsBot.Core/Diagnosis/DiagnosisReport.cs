using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>The outcome of one check behind a diagnosis.</summary>
public enum CheckStatus
{
    /// <summary>The check found what access needs.</summary>
    Pass,

    /// <summary>The check found the problem.</summary>
    Fail,

    /// <summary>Something worth knowing that is not the problem itself.</summary>
    Warn,

    /// <summary>The check could not run.</summary>
    Skip,
}

/// <summary>One check behind a diagnosis, such as "namespace exists".</summary>
/// <param name="Name">A short stable name (<c>namespace-exists</c>).</param>
/// <param name="Status">Its outcome.</param>
/// <param name="Detail">One sentence for a person.</param>
public sealed record Check(string Name, CheckStatus Status, string Detail);

/// <summary>The cause of the failure, with one sentence a developer understands.</summary>
public sealed record Cause(CauseCode Code, string Summary);

/// <summary>
/// A change that fixes the access, verified against the evaluator before it is proposed.
/// </summary>
/// <param name="Kind">RoleBinding, ClusterRoleBinding, Role or ConfigMap (aws-auth entry).</param>
/// <param name="Namespace">Where it goes; null for cluster-scoped objects.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Yaml">The manifest (or the aws-auth entry), ready to commit.</param>
/// <param name="Summary">One sentence saying what it grants.</param>
public sealed record ProposedFix(
    string Kind,
    string? Namespace,
    string Name,
    string Yaml,
    string Summary);

/// <summary>The full diagnosis of one access attempt.</summary>
public sealed record DiagnosisReport
{
    /// <summary>The attempt diagnosed.</summary>
    public required AccessAttempt Attempt { get; init; }

    /// <summary>Who the caller is in Kubernetes terms.</summary>
    public required ResolvedIdentity Identity { get; init; }

    /// <summary>The authoritative answer: does the cluster allow the attempt now?</summary>
    public required bool Allowed { get; init; }

    /// <summary>The cause.</summary>
    public required Cause Cause { get; init; }

    /// <summary>The checks behind the cause, in the order they ran.</summary>
    public IReadOnlyList<Check> Checks { get; init; } = [];

    /// <summary>The fix, or null when none is right.</summary>
    public ProposedFix? Fix { get; init; }
}
