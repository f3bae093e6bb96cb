using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Requests;

/// <summary>
/// A request for the fix a diagnosis proposed, as the store keeps it. It copies what the later
/// steps need (the attempt, the identity, the fix, where to answer), so it outlives the
/// diagnosis it came from.
/// </summary>
public sealed record AccessRequest
{
    /// <summary>The request's id: the id of the diagnosis it was made from.</summary>
    public required string Id { get; init; }

    /// <summary>Where the request is in its life.</summary>
    public required AccessRequestState State { get; init; }

    /// <summary>The chat user who clicked "Request access".</summary>
    public required string RequestedBy { get; init; }

    /// <summary>When they clicked.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The attempt that failed; verification asks the cluster about it again.</summary>
    public required AccessAttempt Attempt { get; init; }

    /// <summary>The Kubernetes identity the fix is for.</summary>
    public required IdentityCandidate Identity { get; init; }

    /// <summary>The change to make.</summary>
    public required ProposedFix Fix { get; init; }

    /// <summary>Where the diagnosis was asked (channel, thread, cluster), to answer there.</summary>
    public required DiagnosisContext Context { get; init; }

    /// <summary>When the request last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The pull request, once opened.</summary>
    public PullRequestInfo? PullRequest { get; init; }

    /// <summary>The approvers' message, once posted.</summary>
    public MessageLocation? ApprovalMessage { get; init; }

    /// <summary>The approver's decision, once made (recorded once).</summary>
    public RecordedDecision? Decision { get; init; }

    /// <summary>
    /// Why the request failed, when <see cref="State"/> is <see cref="AccessRequestState.Failed"/>.
    /// </summary>
    public string? FailureReason { get; init; }

    /// <summary>The namespace the fix applies to; null for cluster-scoped fixes.</summary>
    public string? Namespace => Fix.Namespace ?? Attempt.Namespace;

    /// <summary>The configured cluster; null for the default one.</summary>
    public string? Cluster => Context.Cluster;

    /// <summary>
    /// The request made from <paramref name="diagnosis"/> by <paramref name="requestedBy"/>, or
    /// null when the diagnosis proposes no fix (there is nothing to request).
    /// </summary>
    public static AccessRequest? From(StoredDiagnosis diagnosis, string requestedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        ArgumentException.ThrowIfNullOrEmpty(requestedBy);
        if (diagnosis.Report.Fix is not { } fix)
        {
            return null;
        }

        return new AccessRequest
        {
            Id = diagnosis.Id,
            State = AccessRequestState.Requested,
            RequestedBy = requestedBy,
            RequestedAt = at,
            Attempt = diagnosis.Report.Attempt,
            Identity = diagnosis.Report.Identity.Chosen,
            Fix = fix,
            Context = diagnosis.Context,
            UpdatedAt = at,
        };
    }

    /// <summary>What the "requested" audit entry says: the object the fix creates.</summary>
    public string Describe() =>
        Fix.Namespace is { Length: > 0 } ns ? $"{Fix.Kind} {ns}/{Fix.Name}" : $"{Fix.Kind} {Fix.Name}";
}
