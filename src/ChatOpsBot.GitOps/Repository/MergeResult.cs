namespace ChatOpsBot.GitOps.Repository;

/// <summary>How a merge ended.</summary>
public enum MergeOutcome
{
    /// <summary>Merged now.</summary>
    Merged,

    /// <summary>It was merged before (a second click).</summary>
    AlreadyMerged,

    /// <summary>The head moved since it was reviewed; nothing was merged (409).</summary>
    HeadChanged,

    /// <summary>GitHub refuses to merge it: conflicts, failing checks or required reviews (405).</summary>
    NotMergeable,

    /// <summary>It is closed without being merged.</summary>
    Closed,

    /// <summary>No such pull request.</summary>
    NotFound,

    /// <summary>Anything else, after retries.</summary>
    Failed,
}

/// <summary>The result of a merge.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="MergeSha">The merge commit, when merged.</param>
/// <param name="Reason">One line for people when not merged.</param>
public sealed record MergeResult(MergeOutcome Outcome, string? MergeSha, string? Reason)
{
    /// <summary>True when the change is on the base branch.</summary>
    public bool IsMerged => Outcome is MergeOutcome.Merged or MergeOutcome.AlreadyMerged;
}
