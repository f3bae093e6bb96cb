using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Kubernetes.Live;
using ChatOpsBot.Kubernetes.AccessEntries;
using ChatOpsBot.Kubernetes.Snapshot;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Cli;

/// <summary>
/// <c>diagnose</c>: explains the first access error of the text against a cluster.
/// </summary>
internal static class DiagnoseCommand
{
    // Per async flow, so tests running in parallel cannot see each other's value.
    private static readonly AsyncLocal<LiveClusterOptions?> LiveOptionsOverride = new();

    /// <summary>
    /// Makes the diagnoses started from the calling async flow use <paramref name="options"/> for
    /// a live cluster until the scope is disposed: tests shorten time limits this way, without
    /// environment variables or a process-wide setting.
    /// </summary>
    internal static IDisposable UseLiveOptions(LiveClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = LiveOptionsOverride.Value;
        LiveOptionsOverride.Value = options;
        return new RestoreLiveOptions(previous);
    }

    /// <summary>
    /// Diagnoses the text and prints the report; the exit code says if a fix was found.
    /// </summary>
    public static async Task<int> RunAsync(
        CliOptions options,
        Stream input,
        TextWriter output,
        TextWriter error,
        ILoggerFactory logging,
        CancellationToken cancellationToken)
    {
        var text = await InputReader.ReadAsync(options.Text, input, cancellationToken)
            .ConfigureAwait(false);
        var attempt = DiagnosisService.FirstAccessError(text);
        if (attempt is null)
        {
            if (options.IsJson)
            {
                await output.WriteLineAsync(JsonOutput.Attempt(AccessAttempt.None))
                    .ConfigureAwait(false);
            }

            await error.WriteLineAsync("diagnose: no Kubernetes access error found in the input")
                .ConfigureAwait(false);
            return ExitCodes.NothingFound;
        }

        var cluster = OpenCluster(options, logging);
        DiagnosisReport? report;
        try
        {
            var service = new DiagnosisService(new SingleClusterProvider(cluster));
            var hints = new IdentityHints
            {
                User = options.AsUser, Groups = options.AsGroups, RoleArn = options.AsRole,
            };
            var request = new DiagnosisRequest { Text = text, Attempt = attempt, Hints = hints };
            report = await service.DiagnoseAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A live source owns its HTTP client and connections.
            (cluster as IDisposable)?.Dispose();
        }

        var printed = options.IsJson
            ? JsonOutput.Diagnosis(report!) + "\n"
            : TextOutput.Diagnosis(report!);
        await output.WriteAsync(printed).ConfigureAwait(false);
        return report!.Fix is null ? ExitCodes.NothingFound : ExitCodes.Success;
    }

    private static IClusterSource OpenCluster(CliOptions options, ILoggerFactory logging) =>
        AccessEntryFile.AddTo(OpenSource(options, logging), options.AccessEntries);

    private static IClusterSource OpenSource(CliOptions options, ILoggerFactory logging)
    {
        if (options.Snapshot is not null)
        {
            return new SnapshotClusterSource(
                options.Snapshot, parseAccessEntries: AccessEntryParser.Parse);
        }

        var logger = logging.CreateLogger<LiveClusterSource>();
        return options.Kubeconfig is not null
            ? LiveClusterSource.FromKubeconfig(options.Kubeconfig, options.Context,
                LiveOptionsOverride.Value ?? new LiveClusterOptions(), logger)
            : throw new UsageException("diagnose: give --snapshot DIR or --kubeconfig FILE");
    }

    private sealed class RestoreLiveOptions(LiveClusterOptions? previous) : IDisposable
    {
        public void Dispose() => LiveOptionsOverride.Value = previous;
    }
}
