using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// The live source's log messages, as structured templates. They name servers, reads and
/// statuses only: never tokens, kubeconfig contents or request bodies.
/// </summary>
internal static class LiveClusterLog
{
    private static readonly Action<ILogger, string, string, long, int, string, Exception?> RetryingMessage =
        LoggerMessage.Define<string, string, long, int, string>(LogLevel.Information,
            new EventId(7101, "KubernetesRetry"),
            "Retrying {Operation} on {Server} in {DelayMs} ms: attempt {Attempt} failed with {Failure}");

    private static readonly Action<ILogger, string, string, string, Exception?> ReadForbiddenMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning,
            new EventId(7102, "KubernetesReadForbidden"),
            "The bot may not {Operation} on {Server} ({Status}); the diagnosis goes on without it");

    private static readonly Action<ILogger, string, string, string, Exception?> ReadFailedMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning,
            new EventId(7103, "KubernetesReadFailed"),
            "Could not {Operation} on {Server} ({Status}); the diagnosis goes on without it");

    private static readonly Action<ILogger, string, string, Exception?> ReviewForbiddenMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning,
            new EventId(7104, "SubjectAccessReviewForbidden"),
            "The bot may not create subjectaccessreviews on {Server} ({Status}); "
            + "falling back to its own RBAC evaluation");

    private static readonly Action<ILogger, string, string, Exception?> ReviewUnusableMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning,
            new EventId(7105, "SubjectAccessReviewUnusable"),
            "The SubjectAccessReview on {Server} gave no usable answer ({Status}); "
            + "falling back to its own RBAC evaluation");

    private static readonly Action<ILogger, int, int, int, string, int, long, Exception?> LoadedMessage =
        LoggerMessage.Define<int, int, int, string, int, long>(LogLevel.Debug,
            new EventId(7106, "KubernetesStateLoaded"),
            "Read {Roles} roles, {Bindings} bindings and {Namespaces} namespaces from {Server} "
            + "with {Problems} read problems in {ElapsedMs} ms");

    public static void Retrying(
        ILogger logger, string operation, string server, int attempt, long delayMs, string failure) =>
        RetryingMessage(logger, operation, server, delayMs, attempt, failure, null);

    public static void ReadForbidden(ILogger logger, string operation, string server, string status) =>
        ReadForbiddenMessage(logger, operation, server, status, null);

    public static void ReadFailed(ILogger logger, string operation, string server, string status) =>
        ReadFailedMessage(logger, operation, server, status, null);

    public static void ReviewForbidden(ILogger logger, string server, string status) =>
        ReviewForbiddenMessage(logger, server, status, null);

    public static void ReviewUnusable(ILogger logger, string server, string status) =>
        ReviewUnusableMessage(logger, server, status, null);

    public static void Loaded(ILogger logger, string server, int roles, int bindings,
        int namespaces, int problems, long elapsedMs) =>
        LoadedMessage(logger, roles, bindings, namespaces, server, problems, elapsedMs, null);
}
