using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>The .dockerignore rules, as a reader, and the repository's own file.</summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("**/bin", "src/App/bin/Debug/App.dll", true)]
    [InlineData("**/bin", "bin/x", true)]
    [InlineData("**/bin", "src/App/binary.cs", false)]
    [InlineData("bin", "src/App/bin/x", false)]
    [InlineData("/bin/", "bin/x", true)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/install.md", false)]
    [InlineData("docs/*.md", "docs/install.md", true)]
    [InlineData("**/*.env", "deploy/overlays/prod/.secrets.env", true)]
    [InlineData("src/?pp", "src/app/Program.cs", true)]
    [InlineData("src/?pp", "src/apps/Program.cs", false)]
    [InlineData("./.git", ".git/config", true)]
    [InlineData("a.b", "axb", false)]
    public void ApathIsExcludedWhenItOrAFolderAboveItMatches(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).Excludes(path));
    }

    [Fact]
    public void TheLastMatchingPatternDecidesAndBangTakesPathsBack()
    {
        var ignore = DockerIgnore.Parse("# comment\n\n*.md\n!README.md\ndocs\n");

        Assert.True(ignore.Excludes("CHANGES.md"));
        Assert.False(ignore.Excludes("README.md"));
        Assert.True(ignore.Excludes("docs/README.md"));
        Assert.Equal(["*.md", "!README.md", "docs"], ignore.Patterns);
    }

    [Fact]
    public void CharacterClassesAreRefusedRatherThanMisread()
    {
        Assert.Throws<NotSupportedException>(() => DockerIgnore.Parse("[ab].txt"));
    }

    [Theory]
    [InlineData("src/ChatOpsBot/bin/Release/net10.0/ChatOpsBot.dll")]
    [InlineData("src/ChatOpsBot.Core/obj/project.assets.json")]
    [InlineData(".git/config")]
    [InlineData("tests/ChatOpsBot.Tests/TestResults/run.trx")]
    [InlineData("bot.db")]
    [InlineData("data/bot.db-wal")]
    [InlineData("deploy/overlays/prod/slack.env")]
    [InlineData(".kube/config")]
    [InlineData("kubeconfig.yaml")]
    [InlineData("certs/tls.key")]
    public void TheRepositorysFileKeepsBuildOutputAndCredentialsOut(string path)
    {
        Assert.True(RepositoryIgnore().Excludes(path), $"{path} would be sent to the image build");
    }

    [Theory]
    [InlineData("src/ChatOpsBot/Program.cs")]
    [InlineData("src/ChatOpsBot/ChatOpsBot.csproj")]
    [InlineData("Directory.Packages.props")]
    [InlineData("global.json")]
    public void TheRepositorysFileKeepsWhatTheBuildNeeds(string path)
    {
        Assert.False(RepositoryIgnore().Excludes(path));
    }

    private static DockerIgnore RepositoryIgnore() => DockerIgnore.Parse(Repository.Read(".dockerignore"));
}
