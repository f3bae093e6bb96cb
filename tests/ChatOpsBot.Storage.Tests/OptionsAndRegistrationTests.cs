using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage.Tests;

public sealed class OptionsAndRegistrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_defaults_are_a_file_under_data_kept_a_week()
    {
        var options = new SqliteStoreOptions();

        Assert.Equal("data/k8s-access.db", options.SqlitePath);
        Assert.Equal(TimeSpan.FromDays(7), options.DiagnosisLifetime);
        Assert.Empty(SqliteStoreOptionsValidator.Problems(options));
    }

    [Theory]
    [InlineData("", null, null, "Storage:SqlitePath must name a file.")]
    [InlineData(":memory:", null, null, "Storage:SqlitePath must be a plain file path")]
    [InlineData("file:store.db?mode=memory", null, null, "Storage:SqlitePath must be a plain file path")]
    [InlineData("ok.db", "00:00:00", null, "Storage:DiagnosisLifetime")]
    [InlineData("ok.db", "-1.00:00:00", null, "Storage:DiagnosisLifetime")]
    [InlineData("ok.db", null, 0, "Storage:MaxDiagnoses")]
    public void Unusable_settings_are_named(string path, string? lifetime, int? max, string expected)
    {
        var options = new SqliteStoreOptions { SqlitePath = path };
        if (lifetime is not null)
        {
            options.DiagnosisLifetime =
                TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (max is not null)
        {
            options.MaxDiagnoses = max.Value;
        }

        var problem = Assert.Single(SqliteStoreOptionsValidator.Problems(options));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SqliteRequestStore(options));
    }

    [Fact]
    public async Task The_registration_serves_one_store_for_every_contract_and_replaces_the_in_memory_one()
    {
        var path = Path.Combine(_folder.Path, "from-config", "bot.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDiagnosisStore>(
            new InMemoryDiagnosisStore(10, TimeSpan.FromDays(1), TimeProvider.System));
        services.AddSqliteRequestStore(Configuration(path));
        services.AddSqliteRequestStore(Configuration(path));
        await using var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(default);
        }

        Assert.True(File.Exists(path));
        var store = provider.GetRequiredService<SqliteRequestStore>();
        Assert.Same(store, Assert.Single(provider.GetServices<IDiagnosisStore>()));
        Assert.Same(store, provider.GetRequiredService<IAccessRequestStore>());
        Assert.Same(store, provider.GetRequiredService<IStoreHealth>());
        Assert.Equal(path, store.FilePath);
        var options = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(3), options.DiagnosisLifetime);

        var health = provider.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(default);
        Assert.Equal(HealthStatus.Healthy, report.Entries[RequestStoreHealthCheck.Name].Status);

        SqliteConnection.ClearAllPools();
        File.Delete(path);
        report = await health.CheckHealthAsync(default);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[RequestStoreHealthCheck.Name].Status);
    }

    [Fact]
    public void Bad_settings_stop_start_up_with_the_setting_named()
    {
        var services = new ServiceCollection();
        services.AddSqliteRequestStore(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:MaxDiagnoses"] = "0" })
            .Build());
        using var provider = services.BuildServiceProvider();

        var problem = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);

        Assert.Contains("Storage:MaxDiagnoses", problem.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string path) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:SqlitePath"] = path,
                ["Storage:DiagnosisLifetime"] = "03:00:00",
            })
            .Build();
}
