using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Denials by admission plugins and policy engines: they look like 403s but are not RBAC.</summary>
public sealed class AdmissionDenialTests
{
    private static AccessAttempt First(string text) => AccessErrorParser.Parse(text)[0];

    [Fact]
    public void PodSecurityIsAnAdmissionDenialOfTheNamedPod()
    {
        var attempt = First("Error creating: pods \"db-0\" is forbidden: violates PodSecurity "
            + "\"baseline:latest\": "
            + "host namespaces (hostNetwork=true)");

        Assert.Equal(AttemptKind.AdmissionDenial, attempt.Kind);
        Assert.Equal(("create", "pods", "", "db-0"), (attempt.Verb, attempt.Resource, attempt.ApiGroup,
            attempt.Name));
        Assert.StartsWith("violates PodSecurity "
            + "\"baseline:latest\"", attempt.Reason, StringComparison.Ordinal);
        Assert.False(attempt.IsRbacQuestion);
    }

    [Fact]
    public void ReadsTheExplanationOnTheNextLine()
    {
        var attempt = First("Error creating: pods \"w\" is forbidden:\nviolates PodSecurity "
            + "\"restricted:v1.30\": runAsNonRoot != true");

        Assert.Equal(AttemptKind.AdmissionDenial, attempt.Kind);
        Assert.StartsWith("violates PodSecurity", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotaDenialInsideAStatusBody()
    {
        var attempt = First("HTTP response body: "
            + "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"pods \\\"nb-1\\\" is forbidden: "
            + "exceeded quota: team-q, requested: requests.memory=4Gi, used: requests.memory=30Gi, "
                + "limited: requests.memory=32Gi\","
            + "\"reason\":\"Forbidden\",\"code\":403}");

        Assert.Equal(AttemptKind.AdmissionDenial, attempt.Kind);
        Assert.Equal(("create", "pods", "nb-1"), (attempt.Verb, attempt.Resource, attempt.Name));
        Assert.Equal("exceeded quota: team-q, requested: requests.memory=4Gi, used: requests.memory=30Gi, "
            + "limited: requests.memory=32Gi",
            attempt.Reason);
    }

    [Fact]
    public void TerminatingNamespaceGivesTheNamespace()
    {
        var attempt = First("error when creating \"cm.yaml\": configmaps \"settings\" is forbidden: "
            + "unable to create new content "
            + "in namespace old-team because it is being terminated");

        Assert.Equal(AttemptKind.AdmissionDenial, attempt.Kind);
        Assert.Equal(("create", "configmaps", "old-team"), (attempt.Verb, attempt.Resource,
            attempt.Namespace));
    }

    [Fact]
    public void VerbComesFromTheToolsWording()
    {
        var attempt = First("error when applying patch: deployments.apps \"web\" is forbidden: "
            + "ValidatingAdmissionPolicy "
            + "'max-replicas' with binding 'b' denied request: too many replicas");

        Assert.Equal(("patch", "deployments", "apps", "web"), (attempt.Verb, attempt.Resource,
            attempt.ApiGroup, attempt.Name));
        Assert.Contains("denied request: too many replicas", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StandaloneWebhookDenialKeepsItsMessage()
    {
        var attempt = First("Error from server (Forbidden): error when creating \"ing.yaml\": admission "
            + "webhook "
            + "\"validate.nginx.ingress.kubernetes.io\" denied the request: host \"a.example.com\" is "
                + "already defined");

        Assert.Equal(AttemptKind.AdmissionDenial, attempt.Kind);
        Assert.Equal("host \"a.example.com\" is already defined", attempt.Reason);
        Assert.Single(AccessErrorParser.Parse("admission webhook \"x.io\" denied the request: nope"));
    }

    [Fact]
    public void KyvernoBlockNamesTheObject()
    {
        var attempt = First("admission webhook \"validate.kyverno.svc-fail\" denied the request: resource "
            + "Deployment/shop/web "
            + "was blocked due to the following policies require-labels");

        Assert.Equal(("deployments", "apps", "shop", "web"), (attempt.Resource, attempt.ApiGroup,
            attempt.Namespace, attempt.Name));
    }

    [Fact]
    public void AWebhookWhoseOwnLookupWasRefusedReportsTheInnerRbacDenial()
    {
        var attempt = First("admission webhook \"inject.example.io\" denied the request: lookup failed: "
            + "secrets \"k\" is forbidden: "
            + "User \"system:serviceaccount:hooks:injector\" cannot get resource \"secrets\" in API group "
                + "\"\" in the namespace \"app\"");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("system:serviceaccount:hooks:injector", "get", "secrets", "app"),
            (attempt.User, attempt.Verb, attempt.Resource, attempt.Namespace));
    }

    [Theory]
    [InlineData("pods \"p\" is forbidden: unable to validate against any security context constraint: "
        + "[provider restricted: denied]")]
    [InlineData("pods \"p\" is forbidden: cannot set blockOwnerDeletion if an ownerReference refers to a "
        + "resource you can't set finalizers on")]
    [InlineData("pods \"p-\" is forbidden: no providers available to validate pod request")]
    [InlineData("pods \"p\" is forbidden: error looking up service account team/builder: serviceaccount "
        + "\"builder\" not found")]
    [InlineData("namespaces \"kube-system\" is forbidden: this namespace may not be deleted")]
    public void AnyExplanationOtherThanAnAuthorizerSentenceIsAdmission(string text)
    {
        var attempt = First(text);

        Assert.Equal(AttemptKind.AdmissionDenial, attempt.Kind);
        Assert.NotNull(attempt.Reason);
        Assert.NotNull(attempt.Resource);
    }

    [Fact]
    public void ProjectLimitNamesTheUser()
    {
        var attempt = First("projectrequests.project.openshift.io \"p2\" is forbidden: user ana cannot "
            + "create more than 2 project(s).");

        Assert.Equal(AttemptKind.AdmissionDenial, attempt.Kind);
        Assert.Equal(("ana", "create", "projectrequests", "project.openshift.io"),
            (attempt.User, attempt.Verb, attempt.Resource, attempt.ApiGroup));
    }
}
