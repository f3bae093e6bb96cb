using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Look-alikes that are not Kubernetes access errors, and input with nothing in it.</summary>
public sealed class NotAnAccessErrorTests
{
    private static AccessAttempt Only(string text) => Assert.Single(AccessErrorParser.Parse(text));

    [Fact]
    public void AwsIamDenialCarriesPrincipalAndAction()
    {
        var attempt = Only("An error occurred (AccessDeniedException) when calling the ListClusters "
            + "operation: User: "
            + "arn:aws:iam::111122223333:role/dev is not authorized to perform: eks:ListClusters on "
                + "resource: *");

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.Equal(("arn:aws:iam::111122223333:role/dev", "eks:ListClusters"), (attempt.User,
            attempt.Verb));
        Assert.NotNull(attempt.Reason);
    }

    [Fact]
    public void AzureArmDenialCarriesClientAndAction()
    {
        var attempt = Only("The client 'ops@corp.test' with object id 'abc' does not have authorization "
            + "to perform action "
            + "'Microsoft.ContainerService/managedClusters/read' over scope '/subscriptions/s'.");

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.Equal(("ops@corp.test", "Microsoft.ContainerService/managedClusters/read"), (attempt.User,
            attempt.Verb));
    }

    [Fact]
    public void CredentialPluginMisconfigurationIsNotAnAccessError()
    {
        var attempt = Only("Unable to connect to the server: getting credentials: exec: executable aws "
            + "not found");

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.Contains("executable aws not found", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialPluginRefusedByCloudIamIsUnauthorized()
    {
        var attempt = Only("An error occurred (AccessDenied) when calling the AssumeRole operation: User: "
            + "arn:aws:iam::1:user/ci "
            + "is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::2:role/deploy\n"
            + "Error: Kubernetes cluster unreachable: getting credentials: exec: exit status 254");

        Assert.Equal(AttemptKind.Unauthorized, attempt.Kind);
        Assert.Equal("arn:aws:iam::1:user/ci", attempt.User);
    }

    [Fact]
    public void PodSecurityWarningIsNotADenial()
    {
        var attempt = Only("Warning: would violate PodSecurity \"restricted:latest\": runAsNonRoot != "
            + "true\ndeployment.apps/web created");

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.StartsWith("warning: would violate PodSecurity", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CanIAnsweringNoIsNotAnError()
    {
        var attempt = Only("$ kubectl auth can-i delete pods -n prod\nno - RBAC: "
            + "role.rbac.authorization.k8s.io \"x\" not found");

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.Contains("can-i", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyAuditEventNamesItsObject()
    {
        var attempt = Only("shop   2m   Warning   PolicyViolation   pod/web-0   policy "
            + "disallow-latest-tag fail: image uses latest");

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.Equal(("pods", "shop", "web-0"), (attempt.Resource, attempt.Namespace, attempt.Name));
    }

    [Fact]
    public void RealDenialsWinOverLookAlikesInTheSamePaste()
    {
        var attempts = AccessErrorParser.Parse("Warning: would violate PodSecurity \"baseline:latest\": "
            + "hostPath volumes\n"
            + "Error from server (Forbidden): pods is forbidden: User \"a\" cannot list resource \"pods\" "
                + "in API group \"\" in the namespace \"b\"");

        var attempt = Assert.Single(attempts);
        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
    }

    [Fact]
    public void ALookAlikeQuotingARealDenialDoesNotHideIt()
    {
        var attempt = Only("Unable to connect to the server: getting credentials: exec: plugin said: secrets \"t\" "
            + "is forbidden: User \"system:serviceaccount:a:b\" cannot get resource \"secrets\" in API group \"\" "
            + "in the namespace \"a\"");

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("system:serviceaccount:a:b", "t"), (attempt.User, attempt.Name));
    }

    [Fact]
    public void ArgoCdsOwnRbacIsNotAKubernetesDenial()
    {
        var attempt = Only("FATA[0001] rpc error: code = PermissionDenied desc = permission denied: applications, "
            + "sync, payments/api, sub: carol, iat: 2025-01-01T00:00:00Z");

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.Equal(("carol", "sync", "applications", "api"),
            (attempt.User, attempt.Verb, attempt.Resource, attempt.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("deployment.apps/web configured\nservice/web unchanged")]
    [InlineData("The pods are running fine, the user says thanks.")]
    [InlineData("Error from server (NotFound): pods \"x\" not found")]
    public void TextWithoutAnAccessErrorGivesOneNotAnAccessError(string text)
    {
        var attempt = Only(text);

        Assert.Equal(AttemptKind.NotAnAccessError, attempt.Kind);
        Assert.Null(attempt.User);
        Assert.Null(attempt.Resource);
    }

    [Fact]
    public void BinaryJunkDoesNotThrow()
    {
        var random = new Random(7);
        var junk = new char[200_000];
        for (var i = 0; i < junk.Length; i++)
        {
            junk[i] = (char)random.Next(0, 0x10000);
        }

        var attempts = AccessErrorParser.Parse(new string(junk));

        Assert.NotEmpty(attempts);
        Assert.All(attempts, a => Assert.NotEqual(AttemptKind.Unauthorized, a.Kind));
    }

    [Fact]
    public void NullIsRejectedClearly()
    {
        Assert.Throws<ArgumentNullException>(() => AccessErrorParser.Parse(null!));
    }

    [Fact]
    public void OversizedInputIsRejectedClearly()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AccessErrorParser.Parse(new string('x', AccessErrorParser.MaxInputLength + 1)));

        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }
}
