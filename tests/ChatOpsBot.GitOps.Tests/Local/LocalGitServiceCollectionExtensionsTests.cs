using ChatOpsBot.GitOps.Local;
using ChatOpsBot.GitOps.Repository;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.GitOps.Tests.Local;

public sealed class LocalGitServiceCollectionExtensionsTests : IDisposable
{
    private readonly LocalRepositoryFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void The_repository_is_one_singleton_behind_both_names()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLocalGitRbacRepository(options =>
        {
            options.RepositoryPath = _fixture.RepositoryPath;
            options.SeedFrom = LocalRepositoryFixture.SeedFolder;
        });
        using var provider = services.BuildServiceProvider();

        var seam = provider.GetRequiredService<IRbacRepository>();
        var concrete = provider.GetRequiredService<LocalGitRbacRepository>();

        Assert.Same(concrete, seam);
        Assert.Equal(Path.GetFullPath(_fixture.RepositoryPath), concrete.RepositoryPath);
    }

    [Fact]
    public void Bad_options_fail_at_registration()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddLocalGitRbacRepository(
            new LocalGitRbacOptions { RepositoryPath = " " }));

        Assert.Contains("RepositoryPath", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }
}
