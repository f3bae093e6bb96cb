using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOpsBot.Storage;

/// <summary>
/// Opens the store when the host starts, so a missing folder, a damaged file or a schema
/// from a newer build stops start-up instead of the first button click.
/// </summary>
internal sealed class RequestStoreOpener(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<SqliteRequestStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
