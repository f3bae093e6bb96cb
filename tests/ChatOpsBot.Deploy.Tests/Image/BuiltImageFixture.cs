using ChatOpsBot.Deploy.Tests.Docker;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Image;

/// <summary>
/// The repository's Dockerfile built once per test run (its build steps run here, publishing
/// the app to a temporary folder), shared by every test that starts the image.
/// </summary>
public sealed class BuiltImageFixture : IAsyncLifetime
{
    private readonly string _workArea =
        Path.Combine(Path.GetTempPath(), "chatopsbot-image-" + Guid.NewGuid().ToString("N"));

    /// <summary>The built image.</summary>
    internal EmulatedImage Image { get; private set; } = null!;

    /// <summary>The Dockerfile it was built from.</summary>
    internal DockerfileDocument Dockerfile { get; } = DockerfileDocument.Parse(Repository.Read("Dockerfile"));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workArea);
        var ignore = DockerIgnore.Parse(Repository.Read(".dockerignore"));
        Image = await new DockerBuildEmulator(Repository.Root, ignore, _workArea).BuildAsync(Dockerfile);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_workArea, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing the run for.
        }

        return Task.CompletedTask;
    }
}

/// <summary>The tests that share one built image.</summary>
[CollectionDefinition(Name)]
public sealed class BuiltImageGroup : ICollectionFixture<BuiltImageFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "built image";
}
