namespace ChatOpsBot.Core.Requests;

/// <summary>
/// Bounds on what callers may record, so a hostile or broken caller cannot fill the store.
/// Every store checks them the same way, before it changes anything.
/// </summary>
public static class AccessRequestLimits
{
    /// <summary>The longest actor (chat user id or <see cref="AuditActors.Bot"/>).</summary>
    public const int MaxActorLength = 256;

    /// <summary>The longest audit action name.</summary>
    public const int MaxActionLength = 64;

    /// <summary>The longest reason or audit detail.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The longest URL, SHA, branch, channel or message id.</summary>
    public const int MaxReferenceLength = 2000;

    /// <summary>Throws unless <paramref name="actor"/> is a non-blank name within bounds.</summary>
    public static void CheckActor(string actor, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor, parameterName);
        CheckLength(actor, MaxActorLength, parameterName);
    }

    /// <summary>Throws unless <paramref name="action"/> is a non-blank name within bounds.</summary>
    public static void CheckAction(string action, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action, parameterName);
        CheckLength(action, MaxActionLength, parameterName);
    }

    /// <summary>Throws when optional text is longer than <see cref="MaxTextLength"/>.</summary>
    public static void CheckText(string? text, string parameterName)
    {
        if (text is not null)
        {
            CheckLength(text, MaxTextLength, parameterName);
        }
    }

    /// <summary>Throws unless the pull request fields are present and within bounds.</summary>
    public static void CheckPullRequest(PullRequestInfo pullRequest, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(pullRequest, parameterName);
        ArgumentOutOfRangeException.ThrowIfLessThan(pullRequest.Number, 1, parameterName);
        CheckReference(pullRequest.Url, parameterName);
        CheckReference(pullRequest.HeadSha, parameterName);
        CheckReference(pullRequest.Branch, parameterName);
    }

    /// <summary>Throws unless the message location's fields are present and within bounds.</summary>
    public static void CheckMessage(MessageLocation location, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(location, parameterName);
        CheckReference(location.ChannelId, parameterName);
        CheckReference(location.MessageTs, parameterName);
    }

    /// <summary>Throws unless a decision is complete: a denial needs a reason.</summary>
    public static void CheckDecision(AccessDecision decision, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(decision, parameterName);
        if (!Enum.IsDefined(decision.Verdict))
        {
            throw new ArgumentOutOfRangeException(parameterName, "Unknown decision verdict.");
        }

        if (decision.Verdict == DecisionVerdict.Deny && string.IsNullOrWhiteSpace(decision.Reason))
        {
            throw new ArgumentException("A denial needs a reason for the requester.", parameterName);
        }

        CheckText(decision.Reason, parameterName);
    }

    private static void CheckReference(string value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A required value is missing.", parameterName);
        }

        CheckLength(value, MaxReferenceLength, parameterName);
    }

    private static void CheckLength(string value, int max, string parameterName)
    {
        if (value.Length > max)
        {
            throw new ArgumentException($"The value is longer than {max} characters.", parameterName);
        }
    }
}
