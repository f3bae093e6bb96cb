using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class ImplicitGroupsTests
{
    [Fact]
    public void AuthenticatedUsersGetSystemAuthenticatedOnce()
    {
        Assert.Equal(["devs", "system:authenticated"], ImplicitGroups.AddTo("alice", ["devs"]));
        Assert.Equal(
            ["system:authenticated", "devs"],
            ImplicitGroups.AddTo("alice", ["system:authenticated", "devs", "devs", "system:authenticated"]));
    }

    [Fact]
    public void ServiceAccountsGetTheirNamespaceGroups()
    {
        Assert.Equal(
            ["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"],
            ImplicitGroups.AddTo("system:serviceaccount:ci:deployer", []));
        Assert.Equal(
            ["system:serviceaccounts:ci", "system:serviceaccounts", "system:authenticated"],
            ImplicitGroups.AddTo("system:serviceaccount:ci:deployer", ["system:serviceaccounts:ci"]));
    }

    [Fact]
    public void AnonymousIsUnauthenticated()
    {
        Assert.Equal(["system:unauthenticated"], ImplicitGroups.AddTo("system:anonymous", []));
    }

    [Fact]
    public void NobodyGetsNothingAndEmptyGroupsAreDropped()
    {
        Assert.Equal(["g"], ImplicitGroups.AddTo("", ["g", ""]));
    }

    [Theory]
    [InlineData("system:serviceaccount:ci:deployer", "ci", "deployer")]
    [InlineData("system:serviceaccount:kube-system:a.b-c", "kube-system", "a.b-c")]
    public void ReadsServiceAccountUsernames(string username, string ns, string name)
    {
        Assert.True(ServiceAccountUsername.TryParse(username, out var account));
        Assert.Equal(new ServiceAccountUsername(ns, name), account);
        Assert.Equal(username, account.ToString());
    }

    [Theory]
    [InlineData("system:serviceaccount:ci")]
    [InlineData("system:serviceaccount::deployer")]
    [InlineData("system:serviceaccount:ci:")]
    [InlineData("system:serviceaccount:ci:a:b")]
    [InlineData("system:serviceaccount:CI:deployer")]
    [InlineData("system:serviceaccounts:ci")]
    [InlineData("alice")]
    public void OtherUsernamesAreNotServiceAccounts(string username)
    {
        Assert.False(ServiceAccountUsername.TryParse(username, out _));
        Assert.Equal(["system:authenticated"], ImplicitGroups.For(username));
    }
}
