using Microsoft.Extensions.Logging;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>The repository's log lines (no tokens, no file contents, no request bodies).</summary>
internal static partial class GitHubRbacLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Opened pull request #{Number} in {Owner}/{Repository} for request {RequestId}")]
    public static partial void Opened(ILogger logger, int number, string owner, string repository, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pull request #{Number}: merge {Outcome}")]
    public static partial void Merge(ILogger logger, int number, Repository.MergeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pull request #{Number} already open for request {RequestId}")]
    public static partial void Existing(ILogger logger, int number, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId}: {Path} already grants it; no pull request")]
    public static partial void AlreadyPresent(ILogger logger, string requestId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: {Path} changed on the branch; rebuilding the change")]
    public static partial void FileConflict(ILogger logger, string requestId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: branch {Branch} vanished; recreating it")]
    public static partial void BranchGone(ILogger logger, string requestId, string branch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: base moved from {OldSha} to {NewSha}; rebuilding on the new head")]
    public static partial void BaseMoved(ILogger logger, string requestId, string oldSha, string newSha);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Path} while reading the RBAC repository: {Why}")]
    public static partial void Skipped(ILogger logger, string path, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pull request #{Number}: {What} failed: {Failure}")]
    public static partial void Extra(ILogger logger, int number, string what, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub {Operation} failed: {Failure}")]
    public static partial void Failed(ILogger logger, string operation, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pull request #{Number}: {Outcome}")]
    public static partial void Decided(ILogger logger, int number, string outcome);
}
