using ChatOpsBot.Kubernetes.Live;
using k8s;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>Options small enough that failures show up in milliseconds, and the source to test.</summary>
internal static class LiveTestSetup
{
    /// <summary>A bearer token the tests look for in logs and errors (it must never appear).</summary>
    public const string Token = "kat-test-token-0d9c2e7f41b84f6a";

    public static LiveClusterOptions Fast(int pageSize = 3) => new()
    {
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(3),
        PageSize = pageSize,
    };

    /// <summary>A client configured as the tests are told to: plain http to the fake, a token.</summary>
    public static KubernetesClientConfiguration ConfigurationFor(FakeKubeApi api) => new()
    {
        Host = api.BaseUri.ToString(),
        AccessToken = Token,
    };

    public static LiveClusterSource SourceFor(
        FakeKubeApi api, ListLogger logger, LiveClusterOptions? options = null) =>
        LiveClusterSource.FromConfiguration(ConfigurationFor(api), options ?? Fast(), logger);
}
