namespace ChatOpsBot.Core.Requests;

/// <summary>The pull request opened for an access request.</summary>
/// <param name="Number">The pull request number in the RBAC repository.</param>
/// <param name="Url">Its web address, for people.</param>
/// <param name="HeadSha">The commit the pull request proposes.</param>
/// <param name="Branch">The branch the bot pushed.</param>
public sealed record PullRequestInfo(int Number, string Url, string HeadSha, string Branch);
