using System.Text.RegularExpressions;

namespace ChatOpsBot.Tests.Configuration;

/// <summary>
/// The README reads in the order a newcomer needs: what it is, a two-command quick start, the
/// install steps, the configuration reference; and it links only to files of the repository.
/// </summary>
public sealed partial class ReadmeLayoutTests
{
    private readonly string readme = TopLevelFiles.Readme;

    [Fact]
    public void Sections_come_in_order_after_the_introduction()
    {
        var headings = readme.Split('\n')
            .Where(line => line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .ToList();

        Assert.Equal(["## Quick start", "## Install in a cluster", ReferenceTable.Heading], headings.Take(3));
        var introduction = readme[..readme.IndexOf("## Quick start", StringComparison.Ordinal)];
        Assert.Contains("Kubernetes", introduction, StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_start_is_exactly_the_playground_and_the_tests()
    {
        var start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        var quickStart = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var block = CodeBlock().Match(quickStart);

        Assert.True(block.Success, "the quick start has no code block");
        var commands = block.Groups["body"].Value
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('#')[0].Trim())
            .ToList();
        Assert.Equal(["dotnet run --project src/ChatOpsBot", "dotnet test ChatOpsBot.sln"], commands);
    }

    [Fact]
    public void Links_point_at_files_of_the_repository()
    {
        var links = MarkdownLink().Matches(readme).Select(match => match.Groups["target"].Value).ToList();

        var root = RepositoryRoot();

        Assert.NotEmpty(links);
        Assert.All(links, target =>
        {
            Assert.False(target.Contains("://", StringComparison.Ordinal), $"{target} leaves the repository");
            Assert.False(
                target.Contains("issues", StringComparison.OrdinalIgnoreCase), $"{target} names an issue");
            var path = target.Split('#')[0];
            Assert.True(
                path.Length == 0 || Path.Exists(Path.Combine(root, path)), $"{target} does not exist");
        });
    }

    // The test runs from the repository's tests/…/bin folder.
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        for (; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatOpsBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ChatOpsBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```sh\\n(?<body>.*?)```", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("\\]\\((?<target>[^)\\s]+)\\)", RegexOptions.NonBacktracking)]
    private static partial Regex MarkdownLink();
}
