using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Cli;

/// <summary>Cases a review found: each a kind of input that must never widen or crash.</summary>
public sealed class ReviewFindingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("review-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Seed => Path.Combine(CliRunner.Examples, "seed-exec-forbidden", "cluster");

    private static string ExecIn(string ns) =>
        "Error from server (Forbidden): pods \"x\" is forbidden: User \"EKSGetTokenAuth\" cannot " +
        $"create resource \"pods/exec\" in API group \"\" in the namespace \"{ns}\"";

    [Fact]
    public async Task A_sibling_convention_never_makes_a_grant_everything_role_the_fix()
    {
        CopySeed();
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "admins.yaml"), """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: RoleBinding
              metadata: {name: team-admin, namespace: goodbye}
              roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
              subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "fake_company:server"}]
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: RoleBinding
              metadata: {name: team-admin, namespace: platform}
              roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
              subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "fake_company:server"}]
            """);

        var result = await CliRunner.RunAsync(
            ExecIn("hello"), "diagnose", "--snapshot", _folder.FullName, "--format", "json");

        var yaml = JsonNode.Parse(result.Output)!["fix"]!["yaml"]!.ToString();
        Assert.DoesNotContain("cluster-admin", yaml, StringComparison.Ordinal);
        Assert.Contains("name: edit", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    public async Task No_access_to_a_system_namespace_is_proposed(string ns)
    {
        var result = await CliRunner.RunAsync(ExecIn(ns), "diagnose", "--snapshot", Seed, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Null(JsonNode.Parse(result.Output)!["fix"]);
    }

    [Fact]
    public async Task An_empty_namespace_is_never_read_as_the_whole_cluster()
    {
        var result = await CliRunner.RunAsync(ExecIn(""), "diagnose", "--snapshot", Seed, "--format", "json");

        var report = JsonNode.Parse(result.Output)!;
        Assert.Null(report["fix"]);
        Assert.Equal("Unknown", report["cause"]!["code"]!.ToString());
    }

    [Fact]
    public async Task An_unmapped_role_is_reported_as_such_not_bound_by_session_name()
    {
        var error = await File.ReadAllTextAsync(
            Path.Combine(CliRunner.Examples, "seed-exec-forbidden", "error.txt"));

        var result = await CliRunner.RunAsync(error, "diagnose", "--snapshot", Seed, "--format", "json",
            "--as-role", "arn:aws:iam::123456789012:role/nonexistent");

        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal("IdentityNotMapped", report["cause"]!["code"]!.ToString());
        Assert.Contains("role/nonexistent", report["fix"]!["yaml"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_nesting_and_link_loops_in_a_snapshot_are_refused_or_skipped()
    {
        CopySeed();
        var deep = Path.Combine(_folder.FullName, "deep.yaml");
        await File.WriteAllTextAsync(deep, "x: " + new string('[', 20_000) + new string(']', 20_000));
        var nested = await CliRunner.RunAsync(ExecIn("hello"), "diagnose", "--snapshot", _folder.FullName);
        File.Delete(deep);
        Directory.CreateSymbolicLink(Path.Combine(_folder.FullName, "loop"), _folder.FullName);

        var looped = await CliRunner.RunAsync(ExecIn("hello"), "diagnose", "--snapshot", _folder.FullName);

        Assert.Equal(2, nested.ExitCode);
        Assert.Contains("nests deeper", nested.Error, StringComparison.Ordinal);
        Assert.Equal(0, looped.ExitCode);
        Assert.Contains("1 other namespace binds", looped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_cluster_objects_is_no_snapshot()
    {
        var empty = Path.Combine(_folder.FullName, "notes.yaml");
        await File.WriteAllTextAsync(empty, "just: some\nother: yaml\n");

        var result = await CliRunner.RunAsync(ExecIn("hello"), "diagnose", "--snapshot", empty);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds no Namespaces", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--snapshot=")]
    [InlineData("--as-user=")]
    [InlineData("--access-entries=")]
    public async Task An_empty_option_value_is_one_line(string option)
    {
        var result = await CliRunner.RunAsync(ExecIn("hello"), "diagnose", "--snapshot", Seed, option);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("needs a value", result.Error, StringComparison.Ordinal);
    }

    private void CopySeed()
    {
        foreach (var file in Directory.GetFiles(Seed))
        {
            File.Copy(file, Path.Combine(_folder.FullName, Path.GetFileName(file)));
        }
    }
}
