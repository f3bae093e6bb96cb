namespace ChatOpsBot.GitOps.Repository;

/// <summary>Where a pull request stands.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Url">Its page.</param>
/// <param name="IsOpen">True while open.</param>
/// <param name="IsMerged">True once merged.</param>
/// <param name="HeadSha">The head commit.</param>
/// <param name="Approved">True when at least one reviewer's latest review approves and none asks for changes.</param>
/// <param name="ChangesRequested">True when a reviewer's latest review asks for changes.</param>
/// <param name="Approvers">Logins whose latest review approves.</param>
/// <param name="Mergeable">GitHub's mergeability, null while it is still computing.</param>
public sealed record PullRequestStatus(
    int Number, Uri Url, bool IsOpen, bool IsMerged, string HeadSha, bool Approved, bool ChangesRequested,
    IReadOnlyList<string> Approvers, bool? Mergeable);
