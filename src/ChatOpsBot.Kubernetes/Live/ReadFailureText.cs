using ChatOpsBot.Core.Cluster;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// The words for failed reads: a sentence for <see cref="ClusterState.ReadProblems"/> when the
/// diagnosis can go on, or a one-line <see cref="ClusterSourceException"/> when it cannot.
/// Every sentence names the bot as the one with the problem, never the user.
/// </summary>
internal static class ReadFailureText
{
    private const string Manifest = "deploy/rbac/bot-clusterrole.yaml";

    /// <summary>The bot lacks a permission it needs for one read.</summary>
    public static string Forbidden(ClusterRead read, ApiFailureException failure) =>
        $"The bot cannot {read.Operation} ({failure.StatusText}): grant it {read.Grant}, "
        + $"as {Manifest} does. Until then {read.WithoutIt}.{ServerSaid(failure)}";

    /// <summary>A read was refused for another reason that retrying will not fix.</summary>
    public static string Refused(ClusterRead read, ApiFailureException failure) =>
        $"The bot could not {read.Operation} ({failure.StatusText}), so {read.WithoutIt}."
        + ServerSaid(failure);

    /// <summary>A list had more pages than the bot is willing to read.</summary>
    public static string Truncated(ClusterRead read, int pages) =>
        $"The bot stopped after {pages} pages when trying to {read.Operation}, "
        + "so that list may be incomplete.";

    /// <summary>A list kept handing back a continue token it had already used.</summary>
    public static string Looping(ClusterRead read) =>
        $"The API server repeated a continue token when the bot tried to {read.Operation}, "
        + "so that list may be incomplete.";

    /// <summary>The failures that end the whole read, as one line.</summary>
    public static ClusterSourceException Fatal(
        ClusterRead read, ApiFailureException failure, string server, LiveClusterOptions options)
    {
        var attempts = options.MaxRetries + 1;
        var message = failure.Kind switch
        {
            ApiFailureKind.Unauthorized =>
                $"the bot's credentials were refused by the Kubernetes API server at {server} "
                + $"(401 Unauthorized) when it tried to {read.Operation}: check the kubeconfig "
                + "user, or the service-account token when running in the cluster",
            ApiFailureKind.Timeout =>
                $"the Kubernetes API server at {server} did not answer within "
                + $"{options.RequestTimeout.TotalSeconds:0.###} s ({attempts} attempts) "
                + $"when the bot tried to {read.Operation}",
            ApiFailureKind.Unavailable =>
                $"the Kubernetes API server at {server} kept failing ({failure.StatusText}, "
                + $"{attempts} attempts) when the bot tried to {read.Operation}",
            ApiFailureKind.Unreachable =>
                $"could not connect to the Kubernetes API server at {server} ({attempts} attempts) "
                + $"when the bot tried to {read.Operation}",
            ApiFailureKind.BadResponse =>
                $"the server at {server} did not answer like a Kubernetes API server "
                + $"when the bot tried to {read.Operation}",
            _ => $"the Kubernetes API server at {server} refused to let the bot {read.Operation} "
                + $"({failure.StatusText})",
        };
        return new ClusterSourceException(message, failure);
    }

    /// <summary>True for the failures that end the whole read.</summary>
    public static bool IsFatal(ApiFailureKind kind) => kind is
        ApiFailureKind.Unauthorized or ApiFailureKind.Timeout or ApiFailureKind.Unavailable or
        ApiFailureKind.Unreachable or ApiFailureKind.BadResponse;

    private static string ServerSaid(ApiFailureException failure) =>
        failure.ServerMessage is { } said ? $" The API server said: {said}" : "";
}
