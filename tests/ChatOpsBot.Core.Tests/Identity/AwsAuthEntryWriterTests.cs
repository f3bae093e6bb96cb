using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class AwsAuthEntryWriterTests
{
    [Fact]
    public void WritesAQuotedListItem()
    {
        var entry = AwsAuthEntryWriter.MapRoleEntry(
            "arn:aws:iam::123456789012:role/eks-role@hello",
            "{{SessionName}}",
            ["system:authenticated", "fake_company:server"]);

        Assert.Equal(
            "- rolearn: \"arn:aws:iam::123456789012:role/eks-role@hello\"\n"
            + "  username: \"{{SessionName}}\"\n"
            + "  groups:\n"
            + "    - \"system:authenticated\"\n"
            + "    - \"fake_company:server\"\n",
            entry);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/teams/dev/Deployer")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Deployer/alice")]
    public void RoleArnIsWrittenWithoutPathOrSession(string arn)
    {
        var entry = AwsAuthEntryWriter.MapRoleEntry(arn, "deployer", []);

        const string expected = "- rolearn: \"arn:aws:iam::123456789012:role/Deployer\"\n";
        Assert.StartsWith(expected, entry, StringComparison.Ordinal);
        Assert.EndsWith("  groups: []\n", entry, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/bob")]
    [InlineData("role\"\n- rolearn: evil")]
    [InlineData("")]
    public void NonRoleArnIsRefused(string arn)
    {
        Assert.Throws<ArgumentException>(() => AwsAuthEntryWriter.MapRoleEntry(arn, "u", []));
    }

    [Theory]
    [InlineData("x\"\n- rolearn: arn:aws:iam::1:role/evil\n  username: root")]
    [InlineData("{{SessionName}}: \"# not a comment")]
    [InlineData("back\\slash\ttab\r\u0000\u0007")]
    [InlineData("line\u2028sep\u2029para\u0085next\uFEFF")]
    [InlineData("'single' & *alias !tag %dir @at `tick` |pipe >fold")]
    [InlineData("---\n...")]
    [InlineData("日本語 😀")]
    [InlineData("")]
    public void HostileValuesRoundTripThroughTheParser(string hostile)
    {
        var entry = AwsAuthEntryWriter.MapRoleEntry(
            "arn:aws:iam::123456789012:role/safe", hostile, [hostile, "system:masters" + hostile]);

        // Indented as it would sit under "mapRoles: |" in the ConfigMap, then read back.
        var configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth}\ndata:\n  mapRoles: |\n"
            + string.Concat(entry.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => "    " + line + "\n"));
        var map = AwsAuthParser.ParseConfigMap(configMap);

        var role = Assert.Single(map.Roles);
        Assert.Equal("arn:aws:iam::123456789012:role/safe", role.Arn);
        Assert.Equal(hostile, role.Username);
        Assert.Equal([hostile, "system:masters" + hostile], role.Groups);
        Assert.Equal(5, entry.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void NullGroupIsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            AwsAuthEntryWriter.MapRoleEntry("arn:aws:iam::123456789012:role/r", "u", [null!]));
    }
}
