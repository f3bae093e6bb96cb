using k8s;
using k8s.Models;

namespace ChatOpsBot.Tests.Slack;

/// <summary>The seed case's pasted error (examples/seed-exec-forbidden/error.txt) and its fix.</summary>
internal static class SeedError
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(
        AppContext.BaseDirectory, "examples", "seed-exec-forbidden", "error.txt")).TrimEnd();

    /// <summary>The names the fix must carry: the binding, the role it binds and the group.</summary>
    public static readonly string[] FixNames = ["rb:hello", "edit", "fake_company:server"];

    /// <summary>
    /// The reply names the fix, and its YAML block, read back as Kubernetes YAML, is RoleBinding
    /// rb:hello in hello binding ClusterRole edit to Group fake_company:server.
    /// </summary>
    public static void AssertProposesTheFix(SlackCall reply)
    {
        var blocks = reply.BlocksText;
        foreach (var name in FixNames)
        {
            Assert.Contains(name, blocks, StringComparison.Ordinal);
        }

        var objects = KubernetesYaml.LoadAllFromString(FixYaml(reply));
        var binding = Assert.IsType<V1RoleBinding>(Assert.Single(objects));
        Assert.Equal(("rb:hello", "hello"), (binding.Metadata.Name, binding.Metadata.NamespaceProperty));
        Assert.Equal(("ClusterRole", "edit"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("Group", "fake_company:server"), (subject.Kind, subject.Name));
    }

    /// <summary>The YAML of the reply's one code block, with Slack's three escapes undone.</summary>
    public static string FixYaml(SlackCall reply)
    {
        const string Fence = "```";
        var text = Assert.Single(
            reply.Blocks!.Select(block => (string?)block!["text"]?["text"]),
            mrkdwn => mrkdwn?.StartsWith(Fence, StringComparison.Ordinal) == true)!;
        return text[Fence.Length..^Fence.Length]
            .Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }
}
