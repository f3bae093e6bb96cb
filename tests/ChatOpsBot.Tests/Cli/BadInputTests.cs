using System.Text;

namespace ChatOpsBot.Tests.Cli;

/// <summary>Bad usage and unreadable input give one line on standard error and exit code 2.</summary>
public sealed class BadInputTests
{
    private static string Seed => Path.Combine(CliRunner.Examples, "seed-exec-forbidden");

    private static string SeedError => File.ReadAllText(Path.Combine(Seed, "error.txt"));

    [Fact]
    public async Task Missing_snapshot_folder_is_one_line()
    {
        var result = await CliRunner.RunAsync(SeedError, "diagnose", "--snapshot", "/nonexistent/cluster");

        AssertOneLineError(result, "does not exist");
    }

    [Fact]
    public async Task Unreadable_yaml_is_one_line()
    {
        var folder = Directory.CreateTempSubdirectory();
        await File.WriteAllTextAsync(
            Path.Combine(folder.FullName, "broken.yaml"),
            "kind: List\nitems:\n  - [unclosed\n   : :\n");

        var result = await CliRunner.RunAsync(SeedError, "diagnose", "--snapshot", folder.FullName);

        AssertOneLineError(result, "not valid YAML");
    }

    [Fact]
    public async Task Malformed_rbac_object_is_one_line()
    {
        var folder = Directory.CreateTempSubdirectory();
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "rb.yaml"),
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
                + "metadata: {name: x, namespace: y}\nsubjects: 42\n");

        var result = await CliRunner.RunAsync(SeedError, "diagnose", "--snapshot", folder.FullName);

        AssertOneLineError(result, "malformed");
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("diagnose")]
    public async Task Empty_input_is_one_line(string verb)
    {
        string[] args = verb == "parse" ? [verb] : [verb, "--snapshot", Seed];

        var result = await CliRunner.RunAsync("  \n\t\n", args);

        AssertOneLineError(result, "empty");
    }

    [Fact]
    public async Task Binary_input_is_one_line()
    {
        var result = await CliRunner.RunAsync(new byte[] { 0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff }, "parse");

        AssertOneLineError(result, "binary");
    }

    [Fact]
    public async Task Ten_megabyte_paste_is_one_line()
    {
        var huge = Encoding.UTF8.GetBytes(new string('x', 10 * 1024 * 1024) + "\n" + SeedError);

        var result = await CliRunner.RunAsync(huge, "parse", "--format", "json");

        AssertOneLineError(result, "larger than");
    }

    [Theory]
    [InlineData("parse", "--colour", "red")]
    [InlineData("parse", "--format", "xml")]
    [InlineData("diagnose", "--snapshot")]
    [InlineData("diagnose", "--snapshot", "a", "--kubeconfig", "b")]
    [InlineData("diagnose", "--context", "prod")]
    [InlineData("diagnose")]
    public async Task Bad_usage_is_one_line(params string[] args)
    {
        var result = await CliRunner.RunAsync(SeedError, args);

        AssertOneLineError(result, "");
    }

    [Fact]
    public async Task Missing_kubeconfig_is_one_line()
    {
        var result = await CliRunner.RunAsync(
            SeedError, "diagnose", "--kubeconfig", "/nonexistent/kubeconfig");

        AssertOneLineError(result, "kubeconfig");
    }

    [Fact]
    public async Task Text_without_an_access_error_exits_1()
    {
        var result = await CliRunner.RunAsync("the build is green, ship it", "diagnose", "--snapshot", Seed);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    private static void AssertOneLineError(CliRunner.Result result, string fragment)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains(fragment, lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
