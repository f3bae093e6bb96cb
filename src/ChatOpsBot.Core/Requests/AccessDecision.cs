namespace ChatOpsBot.Core.Requests;

/// <summary>What an approver decided.</summary>
public enum DecisionVerdict
{
    /// <summary>The change may go in.</summary>
    Approve,

    /// <summary>The change is refused.</summary>
    Deny,
}

/// <summary>An approver's decision on an access request, before it is recorded.</summary>
/// <param name="Verdict">Approve or deny.</param>
/// <param name="Reason">Why; required for a denial, optional for an approval.</param>
public sealed record AccessDecision(DecisionVerdict Verdict, string? Reason)
{
    /// <summary>An approval, with an optional note.</summary>
    public static AccessDecision Approve(string? reason = null) => new(DecisionVerdict.Approve, reason);

    /// <summary>A denial; the requester is told <paramref name="reason"/>.</summary>
    public static AccessDecision Deny(string reason) => new(DecisionVerdict.Deny, reason);

    /// <summary>The state a request moves to when this decision wins.</summary>
    public AccessRequestState ResultingState =>
        Verdict == DecisionVerdict.Approve ? AccessRequestState.Approved : AccessRequestState.Denied;
}

/// <summary>A decision as recorded: once per request, with who made it and when.</summary>
/// <param name="Verdict">Approve or deny.</param>
/// <param name="DecidedBy">The approver's chat user id.</param>
/// <param name="DecidedAt">When the decision was recorded.</param>
/// <param name="Reason">The reason given, if any.</param>
public sealed record RecordedDecision(
    DecisionVerdict Verdict, string DecidedBy, DateTimeOffset DecidedAt, string? Reason);
