using Microsoft.Extensions.Logging;

namespace ChatOpsBot.GitOps.Local;

/// <summary>The local repository's log lines (no file contents).</summary>
internal static partial class LocalGitRbacLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Created the local RBAC repository {Path} from {Seed}")]
    public static partial void Created(ILogger logger, string path, string seed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Opened local pull request #{Number} on {Branch} for request {RequestId}")]
    public static partial void Opened(ILogger logger, int number, string branch, string requestId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Local pull request #{Number} already open for request {RequestId}")]
    public static partial void Existing(ILogger logger, int number, string requestId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Request {RequestId}: {Path} already grants it; no pull request")]
    public static partial void AlreadyPresent(ILogger logger, string requestId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local pull request #{Number}: {Outcome}")]
    public static partial void Decided(ILogger logger, int number, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local pull request #{Number}: merge {Outcome}")]
    public static partial void Merge(ILogger logger, int number, Repository.MergeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local RBAC repository: {What} failed: {Failure}")]
    public static partial void Failed(ILogger logger, string what, string failure);
}
