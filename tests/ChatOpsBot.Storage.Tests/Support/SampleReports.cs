using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Requests;

namespace ChatOpsBot.Storage.Tests.Support;

/// <summary>Diagnosis reports and contexts with every field set, built for the tests.</summary>
internal static class SampleReports
{
    public const string FixYaml = """
        # added by the bot: exec for the server group
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: "rb:hello"
          namespace: hello
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: edit
        subjects:
          - apiGroup: rbac.authorization.k8s.io
            kind: Group
            name: "fake_company:server"
        """;

    public static AccessAttempt Attempt(string ns = "hello") => new()
    {
        Kind = AttemptKind.Forbidden,
        User = "EKSGetTokenAuth",
        Groups = ["fake_company:server", "system:authenticated"],
        Verb = "create",
        Resource = "pods",
        Subresource = "exec",
        ApiGroup = "",
        Namespace = ns,
        Name = "hello-beta1-58cf69d988-64qjp",
        Reason = "RBAC: access denied — «quoted» \"text\"",
        NonResourceUrl = null,
        ClusterScope = false,
    };

    public static ResolvedIdentity Identity()
    {
        var first = new IdentityCandidate(
            "EKSGetTokenAuth", ["fake_company:server", "system:authenticated"], IdentitySource.AwsAuth,
            "arn:aws:iam::111122223333:role/server-dev", "mapRoles entry for server-dev", "{{SessionName}}");
        var second = new IdentityCandidate(
            "admin", ["fake_company:admin"], IdentitySource.AccessEntry,
            "arn:aws:iam::111122223333:role/platform/admin", "access entry");
        var third = new IdentityCandidate(
            "system:serviceaccount:hello:default",
            [],
            IdentitySource.ServiceAccount,
            null,
            "pod service account");
        return new ResolvedIdentity
        {
            Chosen = second,
            Candidates = [first, second, third],
            IsGuess = true,
            Notes = ["aws-auth mapUsers could not be read", "role path ignored"],
        };
    }

    public static DiagnosisReport Full(string ns = "hello") => new()
    {
        Attempt = Attempt(ns),
        Identity = Identity(),
        Allowed = false,
        Cause = new Cause(CauseCode.MissingBinding, "No binding gives fake_company:server exec in hello."),
        Checks =
        [
            new Check(CheckNames.NamespaceExists, CheckStatus.Pass, "Namespace hello exists."),
            new Check(CheckNames.BindingsForIdentity, CheckStatus.Fail, "No binding names the group."),
            new Check(CheckNames.SiblingNamespaces, CheckStatus.Warn, "goodbye binds edit to the group."),
            new Check(CheckNames.PodExists, CheckStatus.Skip, "The bot may not read pods."),
        ],
        Fix = new ProposedFix(
            "RoleBinding",
            ns,
            "rb:" + ns,
            FixYaml.Replace("hello", ns, StringComparison.Ordinal),
            "Grants edit in " + ns + " to fake_company:server."),
    };

    public static DiagnosisReport WithoutFix() => Full() with
    {
        Allowed = true,
        Cause = new Cause(CauseCode.AlreadyAllowed, "The cluster already allows it."),
        Fix = null,
    };

    public static DiagnosisContext Context(string cluster = "prod-eu") => new()
    {
        TeamId = "T0001",
        ChannelId = "C0123",
        RequestedBy = "U0ASKER",
        ThreadTs = "1712345678.000100",
        Cluster = cluster,
        Hints = new IdentityHints
        {
            User = "someone",
            Groups = ["g1", "g2"],
            RoleArn = "arn:aws:iam::111122223333:role/server-dev",
        },
        Origin = DiagnosisOrigin.SlashCommand,
    };
}
