using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>The API server's "User … cannot …" denial, in its current and older wordings.</summary>
public sealed class AuthorizerSentenceTests
{
    private static AccessAttempt First(string text) => AccessErrorParser.Parse(text)[0];

    [Fact]
    public void ReadsTheCurrentWordingWithSubresourceAndNamespace()
    {
        var attempt = First("Error from server (Forbidden): pods \"api-7d9\" is forbidden: User "
            + "\"dana@corp.test\" "
            + "cannot create resource \"pods/attach\" in API group \"\" in the namespace \"payments\"");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal("dana@corp.test", attempt.User);
        Assert.Equal("create", attempt.Verb);
        Assert.Equal("pods", attempt.Resource);
        Assert.Equal("attach", attempt.Subresource);
        Assert.Equal("", attempt.ApiGroup);
        Assert.Equal("payments", attempt.Namespace);
        Assert.Equal("api-7d9", attempt.Name);
        Assert.False(attempt.ClusterScope);
        Assert.Null(attempt.Reason);
    }

    [Theory]
    [InlineData(@"alice\""x@corp.test", "alice\"x@corp.test")]
    [InlineData(@"ci\\deploy", "ci\\deploy")]
    [InlineData(@"odd\\\""both", "odd\\\"both")]
    public void ReadsANameTheServerQuotedWithEscapes(string quoted, string expected)
    {
        var attempt = First("Error from server (Forbidden): pods \"web-1\" is forbidden: User "
            + $"\"{quoted}\" cannot create resource \"pods/exec\" in API group \"\" in the "
            + "namespace \"hello\"");

        Assert.Equal(expected, attempt.User);
        Assert.Equal("create", attempt.Verb);
        Assert.Equal("exec", attempt.Subresource);
        Assert.Equal("hello", attempt.Namespace);
    }

    [Fact]
    public void ReadsAnEscapedQuoteInsideAJsonEscapedPaste()
    {
        // kubectl -o json puts the message in a JSON string: the server's \" arrives as \\\".
        var attempt = First("{\"message\": \"pods \\\"web-1\\\" is forbidden: User "
            + "\\\"bob\\\\\\\"q\\\" cannot get resource \\\"pods\\\" in API group "
            + "\\\"\\\" in the namespace \\\"hello\\\"\"}");

        Assert.Equal("bob\"q", attempt.User);
        Assert.Equal("get", attempt.Verb);
        Assert.Equal("hello", attempt.Namespace);
    }

    [Fact]
    public void ReadsClusterScopeAndAGroupQualifiedPrefix()
    {
        var attempt = First("storageclasses.storage.k8s.io \"fast\" is forbidden: User "
            + "\"system:serviceaccount:ops:csi\" "
            + "cannot delete resource \"storageclasses\" in API group \"storage.k8s.io\" at the cluster "
                + "scope");

        Assert.Equal("delete", attempt.Verb);
        Assert.Equal("storageclasses", attempt.Resource);
        Assert.Equal("storage.k8s.io", attempt.ApiGroup);
        Assert.Equal("fast", attempt.Name);
        Assert.Null(attempt.Namespace);
        Assert.True(attempt.ClusterScope);
    }

    [Fact]
    public void TakesTheGroupFromThePrefixWhenTheSentenceIsCut()
    {
        var attempt = First("servicemonitors.monitoring.coreos.com is forbidden: User \"bot\" cannot "
            + "watch resource \"servicemonitors\"");

        Assert.Equal("watch", attempt.Verb);
        Assert.Equal("servicemonitors", attempt.Resource);
        Assert.Equal("monitoring.coreos.com", attempt.ApiGroup);
    }

    [Fact]
    public void ReadsTheOldWordingWithSubresourceAndGroupSuffix()
    {
        var logs = First("pods \"w-1\" is forbidden: User \"eve\" cannot get pods/log in the namespace "
            + "\"qa\"");
        var jobs = First("User \"eve\" cannot delete cronjobs.batch in the namespace \"qa\"");
        var portForward = First("pods \"w-1\" is forbidden: User \"eve\" cannot create pods/portForward "
            + "in the namespace \"qa\"");

        Assert.Equal(("get", "pods", "log", null, "qa"), (logs.Verb, logs.Resource, logs.Subresource,
            logs.ApiGroup, logs.Namespace));
        Assert.Equal(("delete", "cronjobs", "batch"), (jobs.Verb, jobs.Resource, jobs.ApiGroup));
        Assert.Equal(("pods", "portForward"), (portForward.Resource, portForward.Subresource));
    }

    [Fact]
    public void ReadsOpenShiftProjectsAndWholeClusterWording()
    {
        var project = First("User \"dev\" cannot list services in project \"shop\"");
        var all = First("Error from server (Forbidden): User \"dev\" cannot list all nodes in the cluster");

        Assert.Equal(("list", "services", "shop"), (project.Verb, project.Resource, project.Namespace));
        Assert.Equal(("list", "nodes", true), (all.Verb, all.Resource, all.ClusterScope));
    }

    [Fact]
    public void ReadsQuotedVerbAndResourceOfEarlyOpenShift()
    {
        var attempt = First("User \"jo\" cannot \"list\" \"pods\" in project \"dev\"");

        Assert.Equal(("jo", "list", "pods", "dev"), (attempt.User, attempt.Verb, attempt.Resource,
            attempt.Namespace));
    }

    [Fact]
    public void ReadsNonResourceUrls()
    {
        var attempt = First("forbidden: User \"system:anonymous\" cannot get path \"/metrics\"");

        Assert.Equal("get", attempt.Verb);
        Assert.Equal("/metrics", attempt.NonResourceUrl);
        Assert.Null(attempt.Resource);
    }

    [Fact]
    public void KeepsTheReasonSuffix()
    {
        var rbac = First("secrets is forbidden: User \"u\" cannot list resource \"secrets\" in API group "
            + "\"\" in the namespace \"a\": "
            + "RBAC: [role.rbac.authorization.k8s.io \"reader\" not found, "
                + "clusterrole.rbac.authorization.k8s.io \"x\" not found]");
        var node = First("secrets \"tls\" is forbidden: User \"system:node:n1\" cannot get resource "
            + "\"secrets\" in API group \"\" "
            + "in the namespace \"web\": no relationship found between node 'n1' and this object");

        Assert.Equal("RBAC: [role.rbac.authorization.k8s.io \"reader\" not found, "
            + "clusterrole.rbac.authorization.k8s.io \"x\" not found]",
            rbac.Reason);
        Assert.Equal("no relationship found between node 'n1' and this object", node.Reason);
    }

    [Fact]
    public void StopsTheReasonAtTheQuoteClosingALogField()
    {
        var attempt = First("level=error err=\"configmaps is forbidden: User \\\"sa\\\" cannot list "
            + "resource \\\"configmaps\\\" "
            + "in API group \\\"\\\" at the cluster scope: denied by policy\" component=sync");

        Assert.Equal("denied by policy", attempt.Reason);
        Assert.Equal("sa", attempt.User);
    }

    [Fact]
    public void LeavesTheNamespaceUnknownWhenThePasteStopsAfterInTheNamespace()
    {
        var attempt = First("deployments.apps is forbidden: User \"ci\" cannot list resource "
            + "\"deployments\" in API group \"apps\" in the namespace");

        Assert.Null(attempt.Namespace);
        Assert.False(attempt.ClusterScope);
        Assert.Equal("ci", attempt.User);
    }

    [Fact]
    public void AcceptsAMissingClosingQuoteAtTheEnd()
    {
        var attempt = First("pods is forbidden: User \"ci\" cannot list resource \"pods\" in API group "
            + "\"\" in the namespace \"build");

        Assert.Equal("build", attempt.Namespace);
    }

    [Fact]
    public void DoesNotTakeCannotForTheUserWhenTheUserIsMissing()
    {
        var attempt = First("Error from server (Forbidden): nodes is forbidden: User cannot list nodes at "
            + "the cluster scope");

        Assert.Null(attempt.User);
        Assert.Equal(("list", "nodes", true), (attempt.Verb, attempt.Resource, attempt.ClusterScope));
    }

    [Fact]
    public void ReadsKubectlsRequestSuffixForTheName()
    {
        var attempt = First("Error from server (Forbidden): User \"kim\" cannot get nodes at the cluster "
            + "scope. (get nodes worker-3)");

        Assert.Equal("worker-3", attempt.Name);
        Assert.True(attempt.ClusterScope);
    }

    [Fact]
    public void AcceptsUsersWithSpacesBracesAndColons()
    {
        var spaced = First("nodes is forbidden: User \"Jane Doe\" cannot list resource \"nodes\" in API "
            + "group \"\" at the cluster scope");
        var templated = First("pods is forbidden: User \"system:serviceaccount:{{ ns }}:default\" cannot "
            + "list resource \"pods\" in API group \"\" at the cluster scope");
        var named = First("groups \"system:masters\" is forbidden: User \"proxy\" cannot impersonate "
            + "resource \"groups\" in API group \"\" at the cluster scope");

        Assert.Equal("Jane Doe", spaced.User);
        Assert.Equal("system:serviceaccount:{{ ns }}:default", templated.User);
        Assert.Equal(("proxy", "system:masters"), (named.User, named.Name));
    }

    [Fact]
    public void KeepsAnUnknownWordingAfterCannotAsTheReason()
    {
        var attempt = First("pods \"x\" is forbidden: User \"jane\" cannot exec into a container of this "
            + "kind");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("jane", "exec", "pods", "x"), (attempt.User, attempt.Verb, attempt.Resource,
            attempt.Name));
        Assert.Equal("cannot exec into a container of this kind", attempt.Reason);
    }
}
