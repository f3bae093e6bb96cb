using ChatOpsBot.Core.Cluster;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using Microsoft.Extensions.Logging;
using YamlDotNet.Core;

namespace ChatOpsBot.Kubernetes.Live;

public sealed partial class LiveClusterSource
{
    private const int ContextsNamedInErrors = 10;

    /// <summary>
    /// Connects with a kubeconfig file, using <paramref name="context"/> or the file's
    /// current-context. A missing or unreadable file, an unknown context or unusable credentials
    /// give a <see cref="ClusterSourceException"/> with one line that names no secret.
    /// </summary>
    public static LiveClusterSource FromKubeconfig(
        string path, string? context, LiveClusterOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ClusterSourceException("no kubeconfig file was given");
        }

        var kubeconfig = LoadKubeconfig(path);
        var contextName = ChooseContext(kubeconfig, path, context);
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(
                kubeconfig, contextName);
        }
        catch (Exception exception) when (IsConfigurationProblem(exception))
        {
            throw new ClusterSourceException(
                $"kubeconfig {path}, context \"{contextName}\": {SafeReason(exception)}", exception);
        }

        return Create(configuration, options, logger, contextName);
    }

    /// <summary>
    /// Connects as the pod's service account (in-cluster configuration). Outside a pod this
    /// gives a <see cref="ClusterSourceException"/> saying so.
    /// </summary>
    public static LiveClusterSource InCluster(LiveClusterOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (!KubernetesClientConfiguration.IsInCluster())
        {
            throw new ClusterSourceException(
                "not running inside a Kubernetes pod (KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT "
                + "unset or no service-account token mounted): use --kubeconfig instead");
        }

        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.InClusterConfig();
        }
        catch (Exception exception) when (IsConfigurationProblem(exception))
        {
            throw new ClusterSourceException(
                $"the in-cluster configuration cannot be used: {SafeReason(exception)}", exception);
        }

        return Create(configuration, options, logger, "in-cluster service account");
    }

    /// <summary>
    /// Connects with a configuration built by the caller (for example a test pointing at a fake
    /// API server). The source owns the client it creates and disposes it.
    /// </summary>
    public static LiveClusterSource FromConfiguration(
        KubernetesClientConfiguration configuration, LiveClusterOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        return Create(configuration, options, logger, configuration.CurrentContext);
    }

    private static LiveClusterSource Create(KubernetesClientConfiguration configuration,
        LiveClusterOptions options, ILogger logger, string? context)
    {
        options.Validate();

        // The pipeline limits each attempt; HttpClient's own limit is only a backstop behind it.
        configuration.HttpClientTimeout = options.RequestTimeout + options.RequestTimeout;
        k8s.Kubernetes client;
        try
        {
            client = new k8s.Kubernetes(configuration);
        }
        catch (Exception exception) when (IsConfigurationProblem(exception))
        {
            throw new ClusterSourceException(
                $"cannot set up a client for {ServerText.ServerDisplay(SafeUri(configuration.Host))}: "
                + SafeReason(exception), exception);
        }

        return new LiveClusterSource(client, options, logger, context, ownsClient: true);
    }

    private static K8SConfiguration LoadKubeconfig(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new ClusterSourceException($"kubeconfig file not found: {path}");
        }

        try
        {
            return KubernetesClientConfiguration.LoadKubeConfig(file, useRelativePaths: true);
        }
        catch (YamlException exception)
        {
            // The parser's message may quote the file, and the file holds secrets: position only.
            throw new ClusterSourceException(
                $"kubeconfig {path} is not valid YAML (line {exception.Start.Line})", exception);
        }
        catch (Exception exception) when (IsConfigurationProblem(exception))
        {
            throw new ClusterSourceException(
                $"kubeconfig {path} cannot be read: {SafeReason(exception)}", exception);
        }
    }

    private static string ChooseContext(K8SConfiguration kubeconfig, string path, string? requested)
    {
        var known = (kubeconfig.Contexts ?? [])
            .Select(candidate => candidate?.Name)
            .OfType<string>()
            .ToList();
        var wanted = string.IsNullOrWhiteSpace(requested) ? kubeconfig.CurrentContext : requested;
        if (string.IsNullOrWhiteSpace(wanted))
        {
            throw new ClusterSourceException(
                $"kubeconfig {path} has no current-context: choose one with --context ({Listed(known)})");
        }

        if (!known.Contains(wanted, StringComparer.Ordinal))
        {
            throw new ClusterSourceException(
                $"context \"{ServerText.OneLine(wanted)}\" is not in kubeconfig {path} ({Listed(known)})");
        }

        CheckReferences(kubeconfig, path, wanted);
        return wanted;
    }

    /// <summary>
    /// Checks what the chosen context refers to, since the client library's own messages for
    /// these mistakes do not name the missing entry.
    /// </summary>
    private static void CheckReferences(K8SConfiguration kubeconfig, string path, string contextName)
    {
        var details = kubeconfig.Contexts!.First(candidate => candidate?.Name == contextName).ContextDetails;
        var where = $"kubeconfig {path}, context \"{ServerText.OneLine(contextName)}\"";
        if (string.IsNullOrWhiteSpace(details?.Cluster))
        {
            throw new ClusterSourceException($"{where} names no cluster");
        }

        var cluster = (kubeconfig.Clusters ?? [])
            .FirstOrDefault(candidate => candidate?.Name == details.Cluster);
        if (cluster is null)
        {
            throw new ClusterSourceException(
                $"{where} refers to cluster \"{ServerText.OneLine(details.Cluster)}\", "
                + "which the file does not define");
        }

        if (string.IsNullOrWhiteSpace(cluster.ClusterEndpoint?.Server))
        {
            throw new ClusterSourceException(
                $"{where}: cluster \"{ServerText.OneLine(details.Cluster)}\" has no server address");
        }

        if (!string.IsNullOrWhiteSpace(details.User)
            && !(kubeconfig.Users ?? []).Any(candidate => candidate?.Name == details.User))
        {
            throw new ClusterSourceException(
                $"{where} refers to user \"{ServerText.OneLine(details.User)}\", "
                + "which the file does not define");
        }
    }

    private static string Listed(List<string> contexts) => contexts.Count == 0
        ? "it has no contexts"
        : "it has: " + string.Join(", ", contexts.Take(ContextsNamedInErrors).Select(ServerText.OneLine))
            + (contexts.Count > ContextsNamedInErrors ? ", …" : "");

    // NullReferenceException is listed because the client library throws it for some
    // incomplete kubeconfigs (a context without a cluster entry, for example).
    private static bool IsConfigurationProblem(Exception exception) => exception is
        KubeConfigException or KubernetesClientException or IOException or
        UnauthorizedAccessException or FormatException or ArgumentException or
        InvalidOperationException or System.Security.Cryptography.CryptographicException or
        UriFormatException or YamlException or NullReferenceException;

    /// <summary>
    /// A reason safe to show. The client library's own configuration messages name files,
    /// contexts and users; anything else is reduced to its type, since it might quote secrets.
    /// </summary>
    private static string SafeReason(Exception exception) => exception switch
    {
        KubeConfigException or FileNotFoundException or DirectoryNotFoundException =>
            ServerText.OneLine(exception.Message),
        _ => $"{exception.GetType().Name} while reading the configuration",
    };

    private static Uri? SafeUri(string? host) =>
        Uri.TryCreate(host, UriKind.Absolute, out var uri) ? uri : null;
}
