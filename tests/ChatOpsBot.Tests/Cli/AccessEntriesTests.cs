using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Cli;

/// <summary>EKS access entries given with <c>--access-entries</c> win over aws-auth for the same role.</summary>
public sealed class AccessEntriesTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"access-entry-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    private static string Seed => Path.Combine(CliRunner.Examples, "seed-exec-forbidden");

    [Fact]
    public async Task An_access_entry_for_the_role_replaces_its_aws_auth_mapping()
    {
        await File.WriteAllTextAsync(_file, """
            {"accessEntry": {"clusterName": "dev-a",
              "principalArn": "arn:aws:iam::123456789012:role/eks-role@hello",
              "kubernetesGroups": ["fake_company:platform"], "type": "STANDARD",
              "username": "dev-{{SessionName}}"}}
            """);

        var result = await CliRunner.RunAsync(
            await File.ReadAllTextAsync(Path.Combine(Seed, "error.txt")),
            "diagnose", "--snapshot", Path.Combine(Seed, "cluster"), "--format", "json",
            "--as-role", "arn:aws:iam::123456789012:role/eks-role@hello", "--access-entries", _file);

        var identity = JsonNode.Parse(result.Output)!["identity"]!;
        Assert.Equal("access-entry", identity["source"]!.ToString());
        var groups = identity["groups"]!.AsArray().Select(group => group!.ToString()).ToList();
        Assert.Contains("fake_company:platform", groups);
        Assert.DoesNotContain("fake_company:server", groups);
    }

    [Fact]
    public async Task A_missing_or_broken_access_entries_file_is_one_line()
    {
        var missing = await CliRunner.RunAsync(
            await File.ReadAllTextAsync(Path.Combine(Seed, "error.txt")),
            "diagnose", "--snapshot", Path.Combine(Seed, "cluster"), "--access-entries", _file);
        await File.WriteAllTextAsync(_file, "{not json");
        var broken = await CliRunner.RunAsync(
            await File.ReadAllTextAsync(Path.Combine(Seed, "error.txt")),
            "diagnose", "--snapshot", Path.Combine(Seed, "cluster"), "--access-entries", _file);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, broken.ExitCode);
        Assert.Single(broken.Error.Trim().Split('\n'));
        Assert.Contains("not valid", broken.Error, StringComparison.Ordinal);
    }
}
