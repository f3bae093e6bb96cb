namespace ChatOpsBot.GitOps.Repository;

/// <summary>How closing ended.</summary>
public enum CloseOutcome
{
    /// <summary>Commented and closed now.</summary>
    Closed,

    /// <summary>It was closed before; nothing changed.</summary>
    AlreadyClosed,

    /// <summary>It was merged; a merged pull request cannot be closed.</summary>
    AlreadyMerged,

    /// <summary>No such pull request.</summary>
    NotFound,

    /// <summary>Anything else, after retries.</summary>
    Failed,
}

/// <summary>The result of closing a pull request.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">One line for people when it did not close.</param>
public sealed record CloseResult(CloseOutcome Outcome, string? Reason);
