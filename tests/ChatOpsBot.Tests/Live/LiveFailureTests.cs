using ChatOpsBot.Kubernetes.Live;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// A live cluster that cannot be used ends <c>diagnose</c> with exit code 2 and one line on
/// standard error, promptly, and without printing a half report.
/// </summary>
public sealed class LiveFailureTests
{
    [Fact]
    public async Task Server_that_never_answers_ends_in_one_line_within_the_time_limits()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        api.NeverAnswers = true;
        var patience = new LiveClusterOptions
        {
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            MaxRetries = 1,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        };

        var result = await LiveCli.RunAsync(patience, LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var line = AssertOneLine(result.Error);
        Assert.StartsWith("diagnose: ", line, StringComparison.Ordinal);
        Assert.Contains("did not answer within 0.3 s (2 attempts)", line, StringComparison.Ordinal);
        Assert.Contains($"{api.BaseUri.Host}:{api.BaseUri.Port}", line, StringComparison.Ordinal);
        Assert.NotEmpty(api.Requests);

        // Two attempts of 0.3 s and a short pause; the rest is slack for a loaded machine.
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), $"took {result.Elapsed}");
        Assert.DoesNotContain(TempKubeconfig.Token, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_context_is_one_line_and_contacts_no_server()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);

        var result = await LiveCli.RunAsync(LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--context", "prod-eu", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var line = AssertOneLine(result.Error);
        Assert.StartsWith("diagnose: ", line, StringComparison.Ordinal);
        Assert.Contains("\"prod-eu\"", line, StringComparison.Ordinal);
        Assert.Contains(TempKubeconfig.CurrentContext, line, StringComparison.Ordinal);
        Assert.Contains(TempKubeconfig.OtherContext, line, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Named_context_that_exists_is_used()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);

        var result = await LiveCli.RunAsync(LiveCli.SeedError, "diagnose", "--kubeconfig", kubeconfig.Path,
            "--context", TempKubeconfig.OtherContext, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.NotEmpty(api.Reviews.Asked);
    }

    private static string AssertOneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Assert.Single(lines).TrimEnd('\r');
    }
}
