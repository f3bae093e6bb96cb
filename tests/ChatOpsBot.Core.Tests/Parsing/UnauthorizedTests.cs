using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Authentication failures (401) and what the paste says about the request.</summary>
public sealed class UnauthorizedTests
{
    private static AccessAttempt First(string text) => AccessErrorParser.Parse(text)[0];

    [Fact]
    public void LoggedInMessageTakesTheRequestFromTheCommandLine()
    {
        var attempt = First("$ kubectl -n web logs api-5c9 -c main\nerror: You must be logged in to the "
            + "server (Unauthorized)");

        Assert.Equal(AttemptKind.Unauthorized, attempt.Kind);
        Assert.Equal(("get", "pods", "log", "api-5c9", "web"),
            (attempt.Verb, attempt.Resource, attempt.Subresource, attempt.Name, attempt.Namespace));
        Assert.Equal("Unauthorized", attempt.Reason);
        Assert.Null(attempt.User);
    }

    [Fact]
    public void ClusterScopedCommandResourcesAreClusterScoped()
    {
        var attempt = First("PS> kubectl get ns\nerror: You must be logged in to the server "
            + "(Unauthorized)");

        Assert.Equal(("get", "namespaces", true), (attempt.Verb, attempt.Resource, attempt.ClusterScope));
    }

    [Fact]
    public void CommandsAfterPromptsAndWrappersCountButProseDoesNot()
    {
        var prompted = First("dev@box:~$ sudo kubectl get nodes\n"
            + "error: You must be logged in to the server (Unauthorized)");
        var prose = First("I ran kubectl get pods and got this\n"
            + "error: You must be logged in to the server (Unauthorized)");

        Assert.Equal(("get", "nodes"), (prompted.Verb, prompted.Resource));
        Assert.Null(prose.Name);
        Assert.Null(prose.Resource);
    }

    [Fact]
    public void KeepsTheParentheticalReason()
    {
        var attempt = First("error: You must be logged in to the server (the server has asked for the "
            + "client to provide credentials)");

        Assert.Equal(AttemptKind.Unauthorized, attempt.Kind);
        Assert.Equal("the server has asked for the client to provide credentials", attempt.Reason);
        Assert.Single(AccessErrorParser.Parse("error: You must be logged in to the server (the server has "
            + "asked for the client to provide credentials)"));
    }

    [Fact]
    public void AStatusBodyWith401IsOneFailure()
    {
        var attempts = AccessErrorParser.Parse("{\n  \"kind\": \"Status\",\n  \"status\": \"Failure\",\n  "
            + "\"message\": \"Unauthorized\",\n"
            + "  \"reason\": \"Unauthorized\",\n  \"code\": 401\n}");

        var attempt = Assert.Single(attempts);
        Assert.Equal(AttemptKind.Unauthorized, attempt.Kind);
    }

    [Fact]
    public void ReflectorLineGivesVerbAndResource()
    {
        var attempt = First("E0101 reflector.go:138] Failed to watch *v1.ConfigMap: the server has asked "
            + "for the client to provide "
            + "credentials (get configmaps)");

        Assert.Equal(("watch", "configmaps", ""), (attempt.Verb, attempt.Resource, attempt.ApiGroup));
        Assert.Equal("the server has asked for the client to provide credentials", attempt.Reason);
    }

    [Fact]
    public void ControllerEventGivesTheObject()
    {
        var attempt = First("Message:\"Failed to create new stateful set \\\"db\\\": Unauthorized\"");

        Assert.Equal(AttemptKind.Unauthorized, attempt.Kind);
        Assert.Equal(("create", "statefulsets", "apps", "db"), (attempt.Verb, attempt.Resource,
            attempt.ApiGroup, attempt.Name));
    }

    [Fact]
    public void UpgradeRefusedByTheKubeletIsUnauthorized()
    {
        var attempt = First("kubectl exec -it -n tools box -- sh\nerror: unable to upgrade connection: "
            + "Unauthorized");

        Assert.Equal(AttemptKind.Unauthorized, attempt.Kind);
        Assert.Equal(("create", "pods", "exec", "box", "tools"),
            (attempt.Verb, attempt.Resource, attempt.Subresource, attempt.Name, attempt.Namespace));
        Assert.Equal("unable to upgrade connection: Unauthorized", attempt.Reason);
    }

    [Fact]
    public void ErrorFromServerUnauthorizedIsRead()
    {
        Assert.Equal(AttemptKind.Unauthorized, First("Error from server (Unauthorized): the server "
            + "rejected our request").Kind);
    }

    [Fact]
    public void ProseMentioningAuthorizationIsNotAFailure()
    {
        Assert.Equal(AttemptKind.NotAnAccessError, First("we were unauthorized to discuss the "
            + "Unauthorizedness of things").Kind);
    }
}
