using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class AwsPrincipalArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/eks-role@hello",
        AwsPrincipalKind.Role, "/", "eks-role@hello", null)]
    [InlineData("arn:aws:iam::000000000000:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_P",
        AwsPrincipalKind.Role, "/aws-reserved/sso.amazonaws.com/us-east-1/", "AWSReservedSSO_P", null)]
    [InlineData("arn:aws:sts::123456789012:assumed-role/eks-role@hello/EKSGetTokenAuth",
        AwsPrincipalKind.AssumedRole, "/", "eks-role@hello", "EKSGetTokenAuth")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Dev/alice@example.com",
        AwsPrincipalKind.AssumedRole, "/", "Dev", "alice@example.com")]
    [InlineData("arn:aws:iam::111122223333:user/admins/bob", AwsPrincipalKind.User, "/admins/", "bob", null)]
    [InlineData("arn:aws:iam::111122223333:root", AwsPrincipalKind.Root, "/", "", null)]
    [InlineData("arn:aws:sts::111122223333:federated-user/bob",
        AwsPrincipalKind.FederatedUser, "/", "bob", null)]
    [InlineData("arn:aws-us-gov:iam::111122223333:role/r", AwsPrincipalKind.Role, "/", "r", null)]
    [InlineData("  arn:aws-cn:iam::111122223333:role/r  ", AwsPrincipalKind.Role, "/", "r", null)]
    public void ReadsEveryPrincipalForm(
        string text, AwsPrincipalKind kind, string path, string name, string? session)
    {
        Assert.True(AwsPrincipalArn.TryParse(text, out var arn));

        Assert.Equal(kind, arn.Kind);
        Assert.Equal(path, arn.Path);
        Assert.Equal(name, arn.Name);
        Assert.Equal(session, arn.SessionName);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/eks-role@hello",
        "arn:aws:iam::123456789012:role/eks-role@hello")]
    [InlineData("arn:aws:iam::123456789012:role/a/b/Name", "arn:aws:iam::123456789012:role/Name")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Name/session", "arn:aws:iam::123456789012:role/Name")]
    [InlineData("arn:aws-cn:sts::123456789012:assumed-role/Name/session",
        "arn:aws-cn:iam::123456789012:role/Name")]
    [InlineData("arn:aws:iam::123456789012:user/p/bob", "arn:aws:iam::123456789012:user/p/bob")]
    public void CanonicalArnDropsTheRolePathAndSession(string text, string canonical)
    {
        Assert.Equal(canonical, AwsPrincipalArn.Parse(text).CanonicalArn);
    }

    [Fact]
    public void SamePrincipalIgnoresPathSessionAndCase()
    {
        var withPath = AwsPrincipalArn.Parse("arn:aws:iam::123456789012:role/teams/dev/Deployer");
        var session = AwsPrincipalArn.Parse("arn:aws:sts::123456789012:assumed-role/deployer/ci");

        var user = AwsPrincipalArn.Parse("arn:aws:iam::123456789012:user/Deployer");
        var otherAccount = AwsPrincipalArn.Parse("arn:aws:iam::999999999999:role/Deployer");

        Assert.True(withPath.SamePrincipal(session));
        Assert.False(withPath.SamePrincipal(user));
        Assert.False(withPath.SamePrincipal(otherAccount));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EKSGetTokenAuth")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::123456789012:group/devs")]
    [InlineData("arn:aws:iam:us-east-1:123456789012:role/r")]
    [InlineData("arn:aws:iam::12345678901x:role/r")]
    [InlineData("arn:aws:iam::123456789012:role/")]
    [InlineData("arn:aws:iam::123456789012:role/has space")]
    [InlineData("arn:aws:iam::123456789012:role/a b/r")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/r")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/r/s/extra")]
    [InlineData("arn:gcp:iam::123456789012:role/r")]
    [InlineData("arn:aws:iam::123456789012:role/r\nx")]
    [InlineData("HYBRID_NODES_ROLE_ARN")]
    public void RejectsWhatIsNotAPrincipalArn(string? text)
    {
        Assert.False(AwsPrincipalArn.TryParse(text, out _));
    }

    [Fact]
    public void ParseThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => AwsPrincipalArn.Parse("nope"));
    }
}
