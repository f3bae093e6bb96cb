using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Rules;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Reading the request out of a kubectl command line and out of a URL path.</summary>
public sealed class KubectlCommandTests
{
    [Theory]
    [InlineData("get po web-1 -n shop", "get", "pods", null, "web-1", "shop")]
    [InlineData("-n shop logs pod/web-1 -c app", "get", "pods", "log", "web-1", "shop")]
    [InlineData("exec -it web-1 --namespace=shop -- sh", "create", "pods", "exec", "web-1", "shop")]
    [InlineData("port-forward deploy/web 8080:80", "create", "pods", "portforward", null, null)]
    [InlineData("delete deployments.apps/web", "delete", "deployments", null, "web", null)]
    [InlineData("get widgets.example.io", "get", "widgets", null, null, null)]
    [InlineData("create deploy web --image=nginx", "create", "deployments", null, "web", null)]
    public void ReadsTheRequest(string arguments, string verb, string resource, string? subresource,
        string? name, string? ns)
    {
        var command = KubectlCommand.Parse(arguments)!;

        Assert.Equal((verb, resource, subresource, name, ns),
            (command.Verb, command.Resource, command.Subresource, command.Name, command.Namespace));
    }

    [Theory]
    [InlineData("auth can-i get pods")]
    [InlineData("apply -f app.yaml")]
    [InlineData("--help")]
    public void IgnoresCommandsThatNameNoSingleRequest(string arguments)
    {
        Assert.Null(KubectlCommand.Parse(arguments)?.Resource);
    }

    [Fact]
    public void ReadsApiPaths()
    {
        var named = UrlPath.Read("/apis/apps/v1/namespaces/shop/deployments/web/scale", "PUT")!;
        var core = UrlPath.Read("/api/v1/namespaces/shop", null)!;

        Assert.Equal(("update", "deployments", "scale", "apps", "shop", "web"),
            (named.Verb, named.Resource, named.Subresource, named.ApiGroup, named.Namespace, named.Name));
        Assert.Equal(("get", "namespaces", "shop", ""), (core.Verb, core.Resource, core.Name,
            core.ApiGroup));
        Assert.Null(UrlPath.Read("/healthz", "GET"));
    }

    [Fact]
    public void KnowsBuiltInResourcesByEveryName()
    {
        Assert.Equal("replicasets", KnownResources.Find("replica set")!.Resource);
        Assert.Equal("apps", KnownResources.Find("ReplicaSet")!.Group);
        Assert.Equal("ingresses", KnownResources.Find("ing")!.Resource);
        Assert.Equal("networkpolicies", KnownResources.PluralOf("NetworkPolicy"));
        Assert.Equal("widgets", KnownResources.PluralOf("Widget"));
        Assert.Equal("ingressroutes", KnownResources.PluralOf("IngressRoute"));
        Assert.True(KnownResources.IsClusterScoped("clusterroles", "rbac.authorization.k8s.io"));
        Assert.False(KnownResources.IsClusterScoped("nodes", "metrics.k8s.io"));
    }
}
