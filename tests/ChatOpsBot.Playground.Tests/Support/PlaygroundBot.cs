using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Playground.Tests.Support;

/// <summary>
/// The real bot (<see cref="BotServer.Build"/>) started with no Slack settings, so it runs the
/// playground on 127.0.0.1, over a temporary copy of the seed cluster and a temporary store,
/// with an <see cref="InMemoryRbacRepository"/> registered as the RBAC repository.
/// </summary>
internal sealed class PlaygroundBot : IAsyncDisposable
{
    private PlaygroundBot(WebApplication app, Uri address, string folder, InMemoryRbacRepository repository)
    {
        App = app;
        Address = address;
        Folder = folder;
        Repository = repository;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public string Folder { get; }

    public InMemoryRbacRepository Repository { get; }

    public HttpClient Client { get; }

    public static string ExampleFolder =>
        Path.Combine(AppContext.BaseDirectory, "examples", "seed-exec-forbidden");

    public static string SeedError => File.ReadAllText(Path.Combine(ExampleFolder, "error.txt")).TrimEnd();

    public static async Task<PlaygroundBot> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var folder = Path.Combine(
            Path.GetTempPath(), "k8s-access-playground-tests", Guid.NewGuid().ToString("N"));
        var cluster = Path.Combine(folder, "cluster");
        Directory.CreateDirectory(cluster);
        foreach (var file in Directory.GetFiles(Path.Combine(ExampleFolder, "cluster")))
        {
            File.Copy(file, Path.Combine(cluster, Path.GetFileName(file)));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Clusters:0:Name"] = "playground",
            ["Clusters:0:Snapshot"] = cluster,
            ["Storage:SqlitePath"] = Path.Combine(folder, "store.db"),
            ["Verification:Interval"] = "00:00:00.200",
            ["Verification:MaxInterval"] = "00:00:01",

            // Whatever the environment holds, this bot has no Slack settings.
            ["Slack:SigningSecret"] = null,
            ["Slack:SigningSecretFile"] = null,
            ["Slack:BotToken"] = null,
            ["Slack:BotTokenFile"] = null,
            ["Slack:AppToken"] = null,
            ["Slack:AppTokenFile"] = null,
            ["Playground:Enabled"] = null,
        };
        configure?.Invoke(settings);

        var repository = new InMemoryRbacRepository(cluster);
        var app = BotServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IRbacRepository>(repository);
        });
        await app.StartAsync();
        var server = app.Services.GetRequiredService<IServer>();
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PlaygroundBot(app, new Uri(address), folder, repository);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(stop.Token);
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }
}
