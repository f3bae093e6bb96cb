using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>Everything one diagnosis looks at, gathered before it runs (it does no I/O).</summary>
public sealed record DiagnosisInput
{
    /// <summary>The attempt to explain.</summary>
    public required AccessAttempt Attempt { get; init; }

    /// <summary>Who the caller is.</summary>
    public required ResolvedIdentity Identity { get; init; }

    /// <summary>What was read from the cluster.</summary>
    public required ClusterState State { get; init; }

    /// <summary>The cluster's RBAC, indexed.</summary>
    public required RbacPolicy Policy { get; init; }

    /// <summary>The requests that must all be allowed (see <see cref="RequestPlanner"/>).</summary>
    public required IReadOnlyList<RequestAttributes> Requests { get; init; }

    /// <summary>The API server's answer for each request, where it gave one (same order).</summary>
    public IReadOnlyList<AccessReview?> ServerReviews { get; init; } = [];

    /// <summary>One line naming the cluster source, for the report.</summary>
    public string SourceDescription { get; init; } = "";
}
