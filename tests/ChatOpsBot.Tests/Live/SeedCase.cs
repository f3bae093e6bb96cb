using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// What the seed case (examples/seed-exec-forbidden) must give, whatever the route to the
/// cluster: who the caller is, what was refused, and the RoleBinding that fixes it.
/// </summary>
internal static class SeedCase
{
    public const string Name = "seed-exec-forbidden";
    public const string User = "EKSGetTokenAuth";
    public const string Namespace = "hello";
    public const string Pod = "hello-beta1-58cf69d988-64qjp";

    /// <summary>The groups aws-auth maps the hello team's role to, implicit group included.</summary>
    public static readonly string[] Groups =
        ["system:authenticated", "fake_company:server", "eks-console-access-group"];

    public static Task<FakeKubeApiServer> StartServerAsync() =>
        FakeKubeApiServer.StartAsync(ExampleCluster.Load(Name));

    /// <summary>The check of a report with this name (exactly one).</summary>
    public static JsonNode Check(JsonNode report, string name) =>
        Assert.Single(report["checks"]!.AsArray(), check => (string?)check!["name"] == name)!;

    /// <summary>True when the report has a check with this name.</summary>
    public static bool HasCheck(JsonNode report, string name) =>
        report["checks"]!.AsArray().Any(check => (string?)check!["name"] == name);

    /// <summary>The detail of the report's check with this name.</summary>
    public static string Detail(JsonNode report, string name) => (string)Check(report, name)["detail"]!;

    /// <summary>The cause is the missing binding, and the fix is rb:hello as the team wrote it.</summary>
    public static void AssertMissingBindingFix(JsonNode report)
    {
        Assert.Equal("MissingBinding", (string?)report["cause"]!["code"]);
        Assert.False((bool)report["allowed"]!);

        var fix = report["fix"]!;
        Assert.Equal(Namespace, (string?)fix["namespace"]);
        var binding = Assert.IsType<V1RoleBinding>(
            Assert.Single(KubernetesYaml.LoadAllFromString((string)fix["yaml"]!)));
        Assert.Equal("rb:hello", binding.Metadata.Name);
        Assert.Equal(Namespace, binding.Metadata.NamespaceProperty);
        Assert.Equal(("ClusterRole", "edit"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("Group", "fake_company:server"), (subject.Kind, subject.Name));
    }

    /// <summary>The reviews asked about create and get on the pod's exec, for the whole identity.</summary>
    public static void AssertReviewsAskedForTheCaller(FakeAccessReviews reviews)
    {
        var asked = reviews.Asked;
        Assert.Equal(["create", "get"], asked.Select(spec => spec.ResourceAttributes.Verb).Order());
        foreach (var spec in asked)
        {
            Assert.Equal(User, spec.User);
            Assert.Equal(Groups.Order(), spec.Groups.Order());
            var target = spec.ResourceAttributes;
            Assert.Equal(("pods", "exec"), (target.Resource, target.Subresource));
            Assert.True(string.IsNullOrEmpty(target.Group), $"core API group expected, got {target.Group}");
            Assert.Equal((Namespace, Pod), (target.NamespaceProperty, target.Name));
            Assert.Null(spec.NonResourceAttributes);
        }
    }
}
