using ChatOpsBot.Core.Cluster;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Server;

/// <summary>
/// Whether every configured cluster can be read, for <c>/readyz</c>. One check runs at a time and
/// its answer is reused for <see cref="ServerOptions.ReadinessCacheDuration"/>, so probes from
/// several kubelets or load balancers cost the API servers one cheap call per period.
/// </summary>
internal sealed class ClusterReadiness
{
    private readonly IClusterSourceProvider _clusters;
    private readonly ServerOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<string?>? _check;
    private DateTimeOffset _checkStarted;

    /// <summary>Creates the check over the configured clusters.</summary>
    public ClusterReadiness(
        IClusterSourceProvider clusters, IOptions<ServerOptions> options, TimeProvider time)
    {
        _clusters = clusters;
        _options = options.Value;
        _time = time;
    }

    /// <summary>Null when every cluster answered; otherwise why one did not, naming it.</summary>
    /// <param name="cancellationToken">Stops waiting (the check itself goes on for the next probe).</param>
    public Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        Task<string?> check;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var stale = _check is null
                        || (_check.IsCompleted && now - _checkStarted >= _options.ReadinessCacheDuration);
            if (stale)
            {
                _checkStarted = now;
                _check = CheckAllAsync();
            }

            check = _check!;
        }

        return check.WaitAsync(cancellationToken);
    }

    private async Task<string?> CheckAllAsync()
    {
        var names = _clusters.Names;
        var answers = await Task.WhenAll(names.Select(CheckAsync)).ConfigureAwait(false);
        return answers.FirstOrDefault(problem => problem is not null);
    }

    private async Task<string?> CheckAsync(string name)
    {
        try
        {
            var source = _clusters.Find(name);
            var answer = await Reachability
                .OfAsync(source, _options.ReadinessTimeout, CancellationToken.None)
                .ConfigureAwait(false);
            return answer.IsReachable ? null : $"cluster {name} is not reachable: {answer.Problem}";
        }
        catch (ClusterSourceException problem)
        {
            return $"cluster {name} cannot be opened: {problem.Message}";
        }
#pragma warning disable CA1031 // A failing check is a not-ready answer, never a failed probe.
        catch (Exception problem)
#pragma warning restore CA1031
        {
            return $"cluster {name} cannot be checked ({problem.GetType().Name})";
        }
    }
}
