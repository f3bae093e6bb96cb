using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Cluster;

/// <summary>What the diagnosis wants to know about, so a live source can read little.</summary>
/// <param name="Namespace">The namespace of the attempt, or null for cluster scope.</param>
/// <param name="PodName">The pod named in the attempt, if any.</param>
public sealed record ClusterQuery(string? Namespace, string? PodName);

/// <summary>The authoritative answer for one request.</summary>
/// <param name="Allowed">True when the cluster allows the request.</param>
/// <param name="Reason">The authorizer's reason, if it gave one.</param>
/// <param name="FromServer">True when the API server answered (a SubjectAccessReview).</param>
public sealed record AccessReview(bool Allowed, string? Reason, bool FromServer)
{
    /// <summary>
    /// Why the source could not answer (the bot's own missing permission), or null.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>
    /// No answer from the server; the engine evaluates RBAC itself and reports the problem.
    /// </summary>
    public static AccessReview Unavailable(string problem) =>
        new(false, null, false) { Problem = problem };
}

/// <summary>A cluster to diagnose against: a snapshot folder or a live API server.</summary>
public interface IClusterSource
{
    /// <summary>One line naming the source, for the report (no secrets).</summary>
    string Description { get; }

    /// <summary>Reads what the explanation needs.</summary>
    Task<ClusterState> LoadStateAsync(ClusterQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The authoritative answer for <paramref name="user"/> making <paramref name="request"/>,
    /// or null (or <see cref="AccessReview.Unavailable"/>, with the reason) when the source
    /// cannot say: the diagnosis then evaluates RBAC itself.
    /// </summary>
    Task<AccessReview?> ReviewAsync(
        UserInfo user, RequestAttributes request, CancellationToken cancellationToken);
}

/// <summary>
/// Thrown when a cluster source cannot be read at all (bad folder, unreachable server).
/// </summary>
public sealed class ClusterSourceException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public ClusterSourceException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
