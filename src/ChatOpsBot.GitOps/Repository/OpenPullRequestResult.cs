namespace ChatOpsBot.GitOps.Repository;

/// <summary>What <see cref="IRbacRepository.OpenPullRequestAsync"/> did.</summary>
public abstract record OpenPullRequestResult;

/// <summary>A new pull request.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Url">Its page.</param>
/// <param name="HeadSha">The head commit: merge only this.</param>
/// <param name="Branch">The head branch.</param>
/// <param name="ChangedFiles">The files created or updated.</param>
/// <param name="Warnings">What did not work but did not stop it (a reviewer that cannot be requested).</param>
public sealed record OpenedPullRequest(
    int Number, Uri Url, string HeadSha, string Branch, IReadOnlyList<string> ChangedFiles, IReadOnlyList<string> Warnings)
    : OpenPullRequestResult;

/// <summary>A pull request was already open for this request or this binding; no second one was opened.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Url">Its page.</param>
/// <param name="HeadSha">Its head commit now.</param>
/// <param name="Branch">Its head branch.</param>
/// <param name="SameRequest">True when it was opened for this request id, false when for the same binding.</param>
public sealed record ExistingPullRequest(int Number, Uri Url, string HeadSha, string Branch, bool SameRequest)
    : OpenPullRequestResult;

/// <summary>The base branch already has the binding; nothing was opened.</summary>
/// <param name="Path">The file that has it.</param>
/// <param name="Detail">One sentence naming the existing object.</param>
public sealed record AlreadyPresent(string Path, string Detail) : OpenPullRequestResult;

/// <summary>Nothing was opened.</summary>
/// <param name="Reason">One line saying why.</param>
public sealed record Failed(string Reason) : OpenPullRequestResult;
