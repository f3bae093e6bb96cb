using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>Diagnosis reports built in the tests, standing in for the engine's.</summary>
internal static class Reports
{
    public const string ServerRole = "arn:aws:iam::111122223333:role/server-dev";
    public const string AdminRole = "arn:aws:iam::111122223333:role/platform/admin";

    public static readonly IdentityCandidate ServerCandidate = new(
        "EKSGetTokenAuth", ["fake_company:server", "system:authenticated"], IdentitySource.AwsAuth, ServerRole,
        "mapRoles entry for server-dev");

    public static readonly IdentityCandidate AdminCandidate = new(
        "admin", ["fake_company:admin", "system:authenticated"], IdentitySource.AwsAuth, AdminRole,
        "mapRoles entry for platform/admin");

    public static readonly IdentityCandidate ServiceAccountCandidate = new(
        "system:serviceaccount:hello:default", ["system:serviceaccounts", "system:serviceaccounts:hello"],
        IdentitySource.ServiceAccount, null, "pod service account");

    public const string FixYaml = """
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

    public static readonly AccessAttempt ExecAttempt = new()
    {
        Kind = AttemptKind.Forbidden,
        User = "EKSGetTokenAuth",
        Verb = "create",
        Resource = "pods",
        Subresource = "exec",
        ApiGroup = "",
        Namespace = "hello",
        Name = "hello-beta1-58cf69d988-64qjp",
    };

    /// <summary>
    /// What the fake engine answers: a MissingBinding report for any request that names an
    /// attempt or whose text says "forbidden"; null (no access error) otherwise.
    /// </summary>
    public static DiagnosisReport? ForRequest(DiagnosisRequest request)
    {
        var attempt = request.Attempt
                      ?? (request.Text?.Contains("forbidden", StringComparison.OrdinalIgnoreCase) == true
                          ? ExecAttempt
                          : null);
        return attempt is null ? null : MissingBinding(attempt, Identity(request.Hints));
    }

    public static ResolvedIdentity Identity(IdentityHints hints)
    {
        if (hints.RoleArn is { } arn)
        {
            var match = new[] { ServerCandidate, AdminCandidate }.FirstOrDefault(c => c.PrincipalArn == arn)
                        ?? new IdentityCandidate(
                            "mapped-user", ["system:authenticated"], IdentitySource.AwsAuth, arn, "given");
            return new ResolvedIdentity { Chosen = match, Candidates = [match] };
        }

        if (hints.User is { } user)
        {
            var given = new IdentityCandidate(user, hints.Groups, IdentitySource.Override, null, "given");
            return new ResolvedIdentity { Chosen = given, Candidates = [given] };
        }

        return new ResolvedIdentity
        {
            Chosen = ServerCandidate,
            Candidates = [ServerCandidate, AdminCandidate, ServiceAccountCandidate],
            IsGuess = true,
        };
    }

    public static DiagnosisReport MissingBinding(AccessAttempt attempt, ResolvedIdentity identity) => new()
    {
        Attempt = attempt,
        Identity = identity,
        Allowed = false,
        Cause = new Cause(CauseCode.MissingBinding,
            $"No RoleBinding in {attempt.Namespace} gives {identity.User} a role that allows "
            + $"{attempt.Verb} {attempt.Resource}."),
        Checks =
        [
            new Check("namespace-exists", CheckStatus.Pass, "Namespace hello exists."),
            new Check("role-grants", CheckStatus.Pass, "ClusterRole edit grants create pods/exec."),
            new Check("binding-exists", CheckStatus.Fail, "No binding in hello for fake_company:server."),
            new Check("sibling-convention", CheckStatus.Warn, "goodbye uses rb:goodbye bound to edit."),
            new Check("access-entries", CheckStatus.Skip, "No EKS API access configured."),
        ],
        Fix = new ProposedFix("RoleBinding", attempt.Namespace, "rb:hello", FixYaml,
            "Bind ClusterRole edit to group fake_company:server in hello."),
    };
}
