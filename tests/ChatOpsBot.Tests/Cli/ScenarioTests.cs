using ChatOpsBot.Core.Identity;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace ChatOpsBot.Tests.Cli;

/// <summary>
/// Every bundled example case gives its expected cause, and a fix that holds what it must
/// and loads back with KubernetesClient's own YAML loader.
/// </summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(CliRunner.Examples).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "expected.json")))
            {
                data.Add(Path.GetFileName(folder));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Diagnose_gives_the_expected_cause_and_fix(string name)
    {
        var folder = Path.Combine(CliRunner.Examples, name);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "expected.json")))!;
        var extra = File.Exists(Path.Combine(folder, "args.txt"))
            ? (await File.ReadAllTextAsync(Path.Combine(folder, "args.txt")))
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : [];

        var result = await CliRunner.RunAsync(
            await File.ReadAllTextAsync(Path.Combine(folder, "error.txt")),
            ["diagnose", "--snapshot", Path.Combine(folder, "cluster"), "--format", "json", .. extra]);

        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(expected["cause"]!.ToString(), report["cause"]!["code"]!.ToString());
        if (expected["allowed"] is { } allowed)
        {
            Assert.Equal(allowed.GetValue<bool>(), report["allowed"]!.GetValue<bool>());
        }

        if (expected["fix_absent"]?.GetValue<bool>() == true)
        {
            Assert.Null(report["fix"]);
            Assert.Equal(1, result.ExitCode);
            return;
        }

        Assert.Equal(0, result.ExitCode);
        var fix = report["fix"]!;
        Assert.Equal(expected["fix_namespace"]?.ToString(), fix["namespace"]?.ToString());
        var yaml = fix["yaml"]!.ToString();
        foreach (var text in expected["fix_contains"]?.AsArray() ?? [])
        {
            Assert.Contains(text!.ToString(), yaml, StringComparison.Ordinal);
        }

        foreach (var text in expected["fix_excludes"]?.AsArray() ?? [])
        {
            Assert.DoesNotContain(text!.ToString(), yaml, StringComparison.Ordinal);
        }

        AssertLoadsBack(fix["kind"]!.ToString(), yaml);
    }

    // A manifest must load with KubernetesClient's own loader; an aws-auth entry must read
    // back through the same parser the bot uses for the ConfigMap.
    private static void AssertLoadsBack(string kind, string yaml)
    {
        if (kind == "ConfigMap")
        {
            var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapRoles"] = yaml });
            Assert.Empty(map.Problems);
            Assert.Single(map.Roles);
            return;
        }

        var objects = KubernetesYaml.LoadAllFromString(yaml);
        Assert.NotEmpty(objects);
        Assert.Contains(
            objects,
            item => item is V1RoleBinding or V1ClusterRoleBinding or V1Role or V1ClusterRole);
    }

    [Fact]
    public async Task Seed_case_proposes_exactly_the_binding_the_platform_engineer_wrote()
    {
        var folder = Path.Combine(CliRunner.Examples, "seed-exec-forbidden");

        var result = await CliRunner.RunAsync(
            await File.ReadAllTextAsync(Path.Combine(folder, "error.txt")),
            "diagnose", "--snapshot", Path.Combine(folder, "cluster"), "--format", "json");

        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal("MissingBinding", report["cause"]!["code"]!.ToString());
        var binding = Assert.IsType<V1RoleBinding>(
            KubernetesYaml.LoadAllFromString(report["fix"]!["yaml"]!.ToString()).Single());
        Assert.Equal("rb:hello", binding.Metadata.Name);
        Assert.Equal("hello", binding.Metadata.NamespaceProperty);
        Assert.Equal(("ClusterRole", "edit"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("Group", "fake_company:server"), (subject.Kind, subject.Name));
        Assert.Contains(
            "fake_company:server",
            report["cause"]!["summary"]!.ToString(),
            StringComparison.Ordinal);
        Assert.Contains("hello", report["cause"]!["summary"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_case_in_text_prints_the_cause_first_then_checks_then_yaml()
    {
        var folder = Path.Combine(CliRunner.Examples, "seed-exec-forbidden");

        var result = await CliRunner.RunAsync(
            await File.ReadAllTextAsync(Path.Combine(folder, "error.txt")),
            "diagnose", "--snapshot", Path.Combine(folder, "cluster"));

        Assert.Equal(0, result.ExitCode);
        var cause = result.Output.IndexOf("Cause: MissingBinding", StringComparison.Ordinal);
        var checks = result.Output.IndexOf("Checks:", StringComparison.Ordinal);
        var yaml = result.Output.IndexOf("kind: RoleBinding", StringComparison.Ordinal);
        Assert.True(cause == 0 && checks > cause && yaml > checks, result.Output);
    }
}
