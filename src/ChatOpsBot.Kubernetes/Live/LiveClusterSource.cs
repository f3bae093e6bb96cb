using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using ChatOpsBot.Kubernetes.Mapping;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// A cluster source that reads a live cluster through its API server: RBAC objects, namespaces,
/// the pods asked about and the EKS <c>aws-auth</c> ConfigMap, plus SubjectAccessReviews for the
/// authoritative answer. Every call is retried when transient and limited in time; the bot's
/// own missing permissions are reported as read problems rather than stopping the diagnosis.
/// </summary>
public sealed partial class LiveClusterSource : IClusterSource, IDisposable
{
    private const string AwsAuthNamespace = "kube-system";
    private const string AwsAuthName = "aws-auth";

    private readonly IKubernetes client;
    private readonly bool ownsClient;
    private readonly LiveClusterOptions options;
    private readonly ILogger logger;
    private readonly string server;
    private readonly KubernetesApiCaller caller;
    private readonly ClusterReader reader;

    /// <summary>
    /// Wraps a client made elsewhere (tests, or a host with its own configuration). The caller
    /// keeps ownership of <paramref name="client"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public LiveClusterSource(IKubernetes client, LiveClusterOptions options, ILogger logger)
        : this(client, options, logger, context: null, ownsClient: false)
    {
    }

    private LiveClusterSource(
        IKubernetes client, LiveClusterOptions options, ILogger logger, string? context, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();

        this.client = client;
        this.ownsClient = ownsClient;
        this.options = options;
        this.logger = logger;
        server = ServerText.ServerDisplay((client as k8s.Kubernetes)?.BaseUri);
        Description = context is null
            ? $"live cluster at {server}"
            : $"live cluster at {server} (context {context})";

        var pipeline = LiveResilience.Build(options, logger, server, TimeProvider.System);
        caller = new KubernetesApiCaller(pipeline);
        reader = new ClusterReader(caller, options, logger, server);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public async Task<ClusterState> LoadStateAsync(ClusterQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var started = Stopwatch.GetTimestamp();

        // One fatal failure (dead server, refused credentials) makes the other reads pointless.
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failFast.Token;

        var roleBindings = StopOthersOnFatal(ReadRoleBindingsAsync(token), failFast);
        var clusterRoleBindings = StopOthersOnFatal(ReadClusterRoleBindingsAsync(token), failFast);
        var roles = StopOthersOnFatal(ReadRolesAsync(token), failFast);
        var clusterRoles = StopOthersOnFatal(ReadClusterRolesAsync(token), failFast);
        var namespaces = StopOthersOnFatal(ReadNamespacesAsync(token), failFast);
        var pods = StopOthersOnFatal(ReadPodsAsync(query, token), failFast);
        var awsAuth = StopOthersOnFatal(ReadAwsAuthAsync(token), failFast);

        Task[] reads = [roleBindings, clusterRoleBindings, roles, clusterRoles, namespaces, pods, awsAuth];
        await WhenAllOrFirstFatalAsync(reads).ConfigureAwait(false);

        var problems = new[]
        {
            roleBindings.Result.Problem, clusterRoleBindings.Result.Problem, roles.Result.Problem,
            clusterRoles.Result.Problem, namespaces.Result.Problem, pods.Result.Problem,
            awsAuth.Result.Problem,
        }.OfType<string>().ToList();

        var state = new ClusterState
        {
            Namespaces = namespaces.Result.Items,
            Pods = pods.Result.Items,
            Roles = [.. roles.Result.Items, .. clusterRoles.Result.Items],
            Bindings = [.. roleBindings.Result.Items, .. clusterRoleBindings.Result.Items],
            AwsAuthData = awsAuth.Result.Items.Count > 0 ? awsAuth.Result.Items[0] : null,
            NamespacesKnown = namespaces.Result.Complete && pods.Result.Complete,
            ReadProblems = problems,
        };

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LiveClusterLog.Loaded(logger, server, state.Roles.Count, state.Bindings.Count,
            state.Namespaces.Count, problems.Count, elapsed);
        return state;
    }

    /// <summary>Disposes the client when this source created it.</summary>
    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }

    private static async Task<T> StopOthersOnFatal<T>(Task<T> read, CancellationTokenSource failFast)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (ClusterSourceException)
        {
            await failFast.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WhenAllOrFirstFatalAsync(Task[] reads)
    {
        try
        {
            await Task.WhenAll(reads).ConfigureAwait(false);
        }
        catch (Exception) when (FirstFatal(reads) is { } fatal)
        {
            // Report the read that failed, not a sibling that was cancelled because of it.
            ExceptionDispatchInfo.Throw(fatal);
        }
    }

    private static ClusterSourceException? FirstFatal(Task[] reads) => reads
        .Where(read => read.IsFaulted)
        .SelectMany(read => read.Exception!.InnerExceptions)
        .OfType<ClusterSourceException>()
        .FirstOrDefault();

    private Task<ReadOutcome<Binding>> ReadRoleBindingsAsync(CancellationToken token) =>
        reader.ListAsync(ClusterRead.RoleBindings,
            (next, limit, callToken) => client.RbacAuthorizationV1.ListRoleBindingForAllNamespacesAsync(
                continueParameter: next, limit: limit, cancellationToken: callToken),
            (V1RoleBinding item) => KubernetesObjectMapper.ToBinding(item), token);

    private Task<ReadOutcome<Binding>> ReadClusterRoleBindingsAsync(CancellationToken token) =>
        reader.ListAsync(ClusterRead.ClusterRoleBindings,
            (next, limit, callToken) => client.RbacAuthorizationV1.ListClusterRoleBindingAsync(
                continueParameter: next, limit: limit, cancellationToken: callToken),
            (V1ClusterRoleBinding item) => KubernetesObjectMapper.ToBinding(item), token);

    private Task<ReadOutcome<Role>> ReadRolesAsync(CancellationToken token) =>
        reader.ListAsync(ClusterRead.Roles,
            (next, limit, callToken) => client.RbacAuthorizationV1.ListRoleForAllNamespacesAsync(
                continueParameter: next, limit: limit, cancellationToken: callToken),
            (V1Role item) => KubernetesObjectMapper.ToRole(item), token);

    private Task<ReadOutcome<Role>> ReadClusterRolesAsync(CancellationToken token) =>
        reader.ListAsync(ClusterRead.ClusterRoles,
            (next, limit, callToken) => client.RbacAuthorizationV1.ListClusterRoleAsync(
                continueParameter: next, limit: limit, cancellationToken: callToken),
            (V1ClusterRole item) => KubernetesObjectMapper.ToRole(item), token);

    private Task<ReadOutcome<NamespaceInfo>> ReadNamespacesAsync(CancellationToken token) =>
        reader.ListAsync(ClusterRead.Namespaces,
            (next, limit, callToken) => client.CoreV1.ListNamespaceAsync(
                continueParameter: next, limit: limit, cancellationToken: callToken),
            (V1Namespace item) => new NamespaceInfo(item.Metadata?.Name ?? "", CopyOf(item.Metadata?.Labels)),
            token);

    private Task<ReadOutcome<PodInfo>> ReadPodsAsync(ClusterQuery query, CancellationToken token)
    {
        var ns = query.Namespace;
        if (string.IsNullOrEmpty(ns) || !KubernetesNames.IsNamespace(ns))
        {
            // Cluster scope, or a namespace name that cannot exist: there are no pods to find.
            return Task.FromResult(ReadOutcome<PodInfo>.Of([]));
        }

        if (!string.IsNullOrEmpty(query.PodName))
        {
            var name = query.PodName;
            return KubernetesNames.IsObjectName(name)
                ? reader.GetAsync(ClusterRead.Pod(ns, name),
                    callToken => client.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: callToken),
                    pod => ToPod(pod, ns), token)
                : Task.FromResult(ReadOutcome<PodInfo>.Of([]));
        }

        return reader.ListAsync(ClusterRead.Pods(ns),
            (next, limit, callToken) => client.CoreV1.ListNamespacedPodAsync(
                ns, continueParameter: next, limit: limit, cancellationToken: callToken),
            (V1Pod pod) => ToPod(pod, ns), token);
    }

    private Task<ReadOutcome<IReadOnlyDictionary<string, string>>> ReadAwsAuthAsync(
        CancellationToken token) =>
        reader.GetAsync(ClusterRead.AwsAuth,
            callToken => client.CoreV1.ReadNamespacedConfigMapAsync(
                AwsAuthName, AwsAuthNamespace, cancellationToken: callToken),
            configMap => (IReadOnlyDictionary<string, string>)CopyOf(configMap.Data),
            token);

    private static PodInfo ToPod(V1Pod pod, string queriedNamespace) =>
        new(pod.Metadata?.NamespaceProperty ?? queriedNamespace, pod.Metadata?.Name ?? "");

    private static Dictionary<string, string> CopyOf(IDictionary<string, string>? values) =>
        values is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : values.Where(pair => pair.Value is not null)
                .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
