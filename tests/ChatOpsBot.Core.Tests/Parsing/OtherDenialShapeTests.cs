using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>GKE IAM, kubelet key=value, URL-only, client-side and legacy OpenShift denials.</summary>
public sealed class OtherDenialShapeTests
{
    private static AccessAttempt First(string text) => AccessErrorParser.Parse(text)[0];

    [Fact]
    public void GkeRequiresOneOfTurnsTheSentenceIntoGkeIam()
    {
        var attempt = First("Error from server (Forbidden): pods \"w-0\" is forbidden: User "
            + "\"a@corp.test\" cannot create resource "
            + "\"pods/exec\" in API group \"\" in the namespace \"ml\": requires one of "
                + "[\"container.pods.exec\"] permission(s).");

        Assert.Equal(AttemptKind.GkeIam, attempt.Kind);
        Assert.Equal(("create", "pods", "exec", "ml"), (attempt.Verb, attempt.Resource,
            attempt.Subresource, attempt.Namespace));
        Assert.Equal("requires one of [\"container.pods.exec\"] permission(s).", attempt.Reason);
        Assert.True(attempt.IsRbacQuestion);
    }

    [Fact]
    public void StandaloneGkePermissionIsTheAction()
    {
        var attempt = First("ERROR: (gcloud.container.clusters.get-credentials) ResponseError: code=403, "
            + "message=Required "
            + "\"container.clusters.get\" permission(s) for \"projects/p/locations/z/clusters/c\".");

        Assert.Equal(AttemptKind.GkeIam, attempt.Kind);
        Assert.Equal("container.clusters.get", attempt.Verb);
    }

    [Fact]
    public void GoogleCloudsNewerPermissionWordingIsGkeIam()
    {
        var attempt = First("Error: googleapi: Error 403: Permission 'container.clusters.get' denied on "
            + "resource "
            + "'//container.googleapis.com/projects/p/zones/z/clusters/c' (or it may not exist)., "
                + "forbidden");

        Assert.Equal((AttemptKind.GkeIam, "container.clusters.get"), (attempt.Kind, attempt.Verb));
    }

    [Fact]
    public void KubeletKeyValueDenial()
    {
        var attempt = First("error: unable to upgrade connection: Forbidden (user=system:kube-apiserver, "
            + "verb=get, resource=nodes, subresource=proxy)");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("system:kube-apiserver", "get", "nodes", "proxy", true),
            (attempt.User, attempt.Verb, attempt.Resource, attempt.Subresource, attempt.ClusterScope));
    }

    [Fact]
    public void KeyValueDenialTakesGroupFromKubectlSuffixAndNamespaceFromTheCommand()
    {
        var attempt = First("kubectl get widgets -n lab\nError from server (Forbidden): Forbidden "
            + "(user=u, verb=list, resource=widgets, "
            + "subresource=) (get widgets.example.io)");

        Assert.Equal(("list", "widgets", "", "example.io", "lab"),
            (attempt.Verb, attempt.Resource, attempt.Subresource, attempt.ApiGroup, attempt.Namespace));
    }

    [Theory]
    [InlineData("ClientResponseError: 403, message='Forbidden', "
        + "url='https://10.0.0.1/apis/batch/v1/namespaces/etl/jobs'",
        "list", "jobs", "batch", "etl", null)]
    [InlineData("POST https://api:6443/api/v1/namespaces/etl/secrets 403 "
        + "Forbidden", "create", "secrets", "", "etl", null)]
    [InlineData("DELETE https://api/apis/apps/v1/namespaces/etl/deployments/web: "
        + "403", "delete", "deployments", "apps", "etl", "web")]
    [InlineData("GET https://api/api/v1/nodes?watch=true 403 Forbidden", "watch", "nodes", "", null, null)]
    public void UrlOnlyDenialsAreReadFromThePath(string text, string verb, string resource, string group,
        string? ns, string? name)
    {
        var attempt = First(text);

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal((verb, resource, group, ns, name), (attempt.Verb, attempt.Resource, attempt.ApiGroup,
            attempt.Namespace, attempt.Name));
    }

    [Fact]
    public void AMessageOnTheSameLineWinsOverItsUrl()
    {
        var attempts = AccessErrorParser.Parse("Failure executing: GET at: "
            + "https://10.0.0.1/api/v1/namespaces/a/pods. Message: Forbidden! "
            + "pods is forbidden: User \"system:serviceaccount:a:jenkins\" cannot list resource \"pods\" "
                + "in API group \"\" in the namespace \"a\".");

        var attempt = Assert.Single(attempts);
        Assert.Equal("system:serviceaccount:a:jenkins", attempt.User);
    }

    [Fact]
    public void KubeletUrlGivesThePodSubresource()
    {
        var attempt = First("Error from server: Get "
            + "\"https://10.1.2.3:10250/exec/ci/runner-0/build?command=sh\": Forbidden");

        Assert.Equal(("create", "pods", "exec", "ci", "runner-0"),
            (attempt.Verb, attempt.Resource, attempt.Subresource, attempt.Namespace, attempt.Name));
    }

    [Fact]
    public void K9sPreCheckNamesGroupVersionResource()
    {
        var attempt = First("list access denied for user on \"shop\":apps/v1/deployments");

        Assert.Equal(("list", "deployments", "apps", "shop"), (attempt.Verb, attempt.Resource,
            attempt.ApiGroup, attempt.Namespace));
    }

    [Fact]
    public void EksConsoleBannerIsAForbidden()
    {
        var attempt = First("Your current user or role does not have access to Kubernetes objects on this "
            + "EKS cluster");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.NotNull(attempt.Reason);
    }

    [Fact]
    public void RefusedUpgradeGuessesTheSubresourceFromThePaste()
    {
        Assert.Equal("exec", First("io.ApiException: Expected HTTP 101 response but was '403 "
            + "Forbidden'").Subresource);
        Assert.Equal("portforward", First("port-forward failed: Expected HTTP 101 response but was '403 "
            + "Forbidden'").Subresource);
    }

    [Fact]
    public void GenericKubectl403TakesTheRequestFromItsSuffix()
    {
        var attempt = First("Error from server (Forbidden): the server does not allow access to the "
            + "requested resource (get pods web-1)");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("get", "pods", "web-1"), (attempt.Verb, attempt.Resource, attempt.Name));
    }

    [Fact]
    public void HeaderWithOnlyAnApplyPreambleUsesThePreamble()
    {
        var attempt = First("Error from server (Forbidden): error when retrieving current configuration "
            + "of:\n"
            + "Resource: \"batch/v1, Resource=cronjobs\", GroupVersionKind: \"batch/v1, "
                + "Kind=CronJob\"\nName: \"nightly\", Namespace: \"etl\"");

        Assert.Equal(("get", "cronjobs", "batch", "nightly", "etl"),
            (attempt.Verb, attempt.Resource, attempt.ApiGroup, attempt.Name, attempt.Namespace));
    }

    [Fact]
    public void LegacyOpenShiftWording()
    {
        var attempt = First("message: \"\"/osapi/v1beta3/namespaces/x/pods\" is forbidden because alice "
            + "cannot list on pods in x\"");

        Assert.Equal(("alice", "list", "pods", "x"), (attempt.User, attempt.Verb, attempt.Resource,
            attempt.Namespace));
    }

    [Fact]
    public void HeaderWithAServerSentenceKeepsItAsTheReason()
    {
        var attempt = First("$ oc new-project demo\nError from server (Forbidden): You may not request a "
            + "new project via this API.");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal("You may not request a new project via this API.", attempt.Reason);
    }
}
