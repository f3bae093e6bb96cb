using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>RBAC escalation prevention: creating a role that grants more than the creator holds.</summary>
public sealed class EscalationTests
{
    private static AccessAttempt First(string text) => AccessErrorParser.Parse(text)[0];

    [Fact]
    public void ReadsTheObjectAndTheUserStruct()
    {
        var attempt = First("Error from server (Forbidden): error when creating \"r.yaml\": "
            + "rolebindings.rbac.authorization.k8s.io "
            + "\"admins\" is forbidden: attempt to grant extra privileges: [{[*] [*] [*] [] []}] "
                + "user=&{lee 42 [devs system:authenticated] map[]} "
            + "ownerrules=[] ruleResolutionErrors=[]");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("create", "rolebindings", "rbac.authorization.k8s.io", "admins"),
            (attempt.Verb, attempt.Resource, attempt.ApiGroup, attempt.Name));
        Assert.Equal("lee", attempt.User);
        Assert.Equal(["devs", "system:authenticated"], attempt.Groups!);
        Assert.StartsWith("attempt to grant extra privileges", attempt.Reason, StringComparison.Ordinal);
        Assert.False(attempt.ClusterScope);
    }

    [Fact]
    public void ClusterRolesAreClusterScopedAndTheVerbFollowsTheTool()
    {
        var attempt = First("error when replacing \"cr.yaml\": clusterroles.rbac.authorization.k8s.io "
            + "\"view-all\" is forbidden: "
            + "attempt to grant extra privileges: [PolicyRule{Resources:[\"*\"]}] user=&{ops@corp.test  "
                + "[system:authenticated] map[]}");

        Assert.Equal(("update", "clusterroles", true), (attempt.Verb, attempt.Resource,
            attempt.ClusterScope));
        Assert.Equal("ops@corp.test", attempt.User);
    }

    [Fact]
    public void ReadsOpenShiftsWordingWithGroups()
    {
        var attempt = First("Error: roles.rbac.authorization.k8s.io \"op\" is forbidden: user \"max\" "
            + "(groups=[\"team\" \"system:authenticated\"]) "
            + "is attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"\"], "
                + "Resources:[\"pods\"], Verbs:[\"get\"]}");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("max", "create", "roles", "op"), (attempt.User, attempt.Verb, attempt.Resource,
            attempt.Name));
        Assert.Equal(["team", "system:authenticated"], attempt.Groups!);
        Assert.StartsWith("is attempting to grant RBAC permissions not currently "
            + "held", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEscalationWrappedInTheLoginMessageIsStillAForbiddenEscalation()
    {
        var attempt = First("error: You must be logged in to the server (error when creating \"r.json\": "
            + "attempt to grant extra privileges: "
            + "[{[get] [] [pods] [] []}] user=<nil> ownerrules=[] ruleResolutionErrors=[])");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal("create", attempt.Verb);
        Assert.Null(attempt.User);
    }
}
