using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class AwsAuthParserTests
{
    private const string NodeRole = """
        - rolearn: arn:aws:iam::111122223333:role/node
          username: system:node:{{EC2PrivateDNSName}}
          groups:
            - system:nodes
        """;

    [Fact]
    public void MissingAndBlankKeysGiveAnEmptyMap()
    {
        var map = AwsAuthParser.Parse(new Dictionary<string, string>
        {
            ["mapRoles"] = "  \n",
            ["mapUsers"] = "``",
            ["mapAccounts"] = "\"\"",
        });

        Assert.Empty(map.Roles);
        Assert.Empty(map.Users);
        Assert.Empty(map.Accounts);
        Assert.Empty(map.Problems);
    }

    [Fact]
    public void BrokenKeyDoesNotLoseTheOthers()
    {
        var map = AwsAuthParser.Parse(new Dictionary<string, string>
        {
            ["mapRoles"] = NodeRole,
            ["mapUsers"] = "- userarn: [unclosed",
            ["mapAccounts"] = "- 111122223333\n- \"444455556666\"",
        });

        Assert.Single(map.Roles);
        Assert.Empty(map.Users);
        Assert.Equal(["111122223333", "444455556666"], map.Accounts);
        var problem = Assert.Single(map.Problems);
        Assert.StartsWith("aws-auth mapUsers is not valid YAML", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rolearn: x\nusername: y", "is a mapping, not a list")]
    [InlineData("just text", "is text, not a list")]
    public void RootThatIsNotAListIsReported(string text, string expected)
    {
        var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapRoles"] = text });

        Assert.Empty(map.Roles);
        Assert.Contains(expected, Assert.Single(map.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesOfTheWrongTypeAreDroppedAndReported()
    {
        const string roles = """
            - rolearn: arn:aws:iam::111122223333:role/a
              username: 12345
              groups: [yes, "yes", team, 3.5, ~]
            - rolearn: arn:aws:iam::111122223333:role/b
              username: {{SessionName}}
              groups: system:masters
            - just-a-string
            """;

        var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapRoles"] = roles });

        Assert.Equal(2, map.Roles.Count);
        Assert.Equal("", map.Roles[0].Username);
        Assert.Equal(["yes", "team"], map.Roles[0].Groups);
        Assert.Equal("", map.Roles[1].Username);
        Assert.Empty(map.Roles[1].Groups);
        SentenceAssert.AnyContains(map.Problems, "entry 1: username is a number");
        SentenceAssert.AnyContains(map.Problems, "a group is a boolean");
        SentenceAssert.AnyContains(map.Problems, "a group is a number");
        SentenceAssert.AnyContains(map.Problems, "quote it");
        SentenceAssert.AnyContains(map.Problems, "entry 2: groups is text, not a list");
        SentenceAssert.AnyContains(map.Problems, "entry 3 is text, not a mapping");
    }

    [Fact]
    public void EntryKeysMatchWithoutCaseAndLaterKeysWin()
    {
        const string users = """
            - UserArn: arn:aws:iam::111122223333:user/first
              USERNAME: bob
              userarn: arn:aws:iam::111122223333:user/second
              GROUPS: [devs]
            - userarn: arn:aws:iam::111122223333:user/third
              username: carol
              extra: ignored
            """;

        var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapUsers"] = users });

        Assert.Equal(
            ["arn:aws:iam::111122223333:user/second", "arn:aws:iam::111122223333:user/third"],
            map.Users.Select(u => u.Arn));
        Assert.Equal("bob", map.Users[0].Username);
        Assert.Equal(["devs"], map.Users[0].Groups);
        Assert.Empty(map.Problems);
    }

    [Fact]
    public void LongSInAKeyFoldsToSAsInGo()
    {
        var map = AwsAuthParser.Parse(new Dictionary<string, string>
        {
            ["mapUsers"] = "- u\u017Ferarn: arn:aws:iam::111122223333:user/s\n  username: s",
        });

        Assert.Equal("arn:aws:iam::111122223333:user/s", Assert.Single(map.Users).Arn);
    }

    [Fact]
    public void RoleArnWithAPathIsReportedAsNeverMatching()
    {
        const string roles = """
            - rolearn: arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_abc
              username: "{{SessionName}}"
              groups: [dev]
            """;

        var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapRoles"] = roles });

        var problem = Assert.Single(map.Problems);
        Assert.Contains("includes the path", problem, StringComparison.Ordinal);
        const string fix = "write arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_abc";
        Assert.Contains(fix, problem, StringComparison.Ordinal);
        Assert.Null(map.FindRole(AwsPrincipalArn.Parse(
            "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_abc/alice")));
    }

    [Fact]
    public void RolesAreFoundByEveryArnFormWithoutCase()
    {
        var map = AwsAuthParser.Parse(new Dictionary<string, string>
        {
            ["mapRoles"] = "- rolearn: arn:aws:iam::111122223333:role/Dev\n  username: dev\n  groups: [g]",
        });

        foreach (var form in new[]
        {
            "arn:aws:iam::111122223333:role/Dev",
            "arn:aws:iam::111122223333:role/DEV",
            "arn:aws:iam::111122223333:role/team/a/Dev",
            "arn:aws:sts::111122223333:assumed-role/Dev/alice@example.com",
        })
        {
            Assert.Equal("dev", map.FindRole(AwsPrincipalArn.Parse(form))?.Username);
        }

        Assert.Null(map.FindRole(AwsPrincipalArn.Parse("arn:aws:iam::999999999999:role/Dev")));
        Assert.Null(map.FindUser(AwsPrincipalArn.Parse("arn:aws:iam::111122223333:user/Dev")));
    }

    [Fact]
    public void EntryWithoutArnOrUsernameIsReported()
    {
        var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapRoles"] = "- groups: [a]\n-" });

        SentenceAssert.AnyContains(map.Problems, "entry 1 has no rolearn");
        SentenceAssert.AnyContains(map.Problems, "entry 1 has no username");
        SentenceAssert.AnyContains(map.Problems, "entry 2 is empty, not a mapping");
    }

    [Fact]
    public void ValueLargerThanAConfigMapIsNotRead()
    {
        var huge = string.Concat(Enumerable.Repeat(NodeRole + "\n", 20_000));

        var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapRoles"] = huge });

        Assert.Empty(map.Roles);
        SentenceAssert.SingleContains(map.Problems, "larger than a ConfigMap can hold");
    }

    [Fact]
    public void ManyEntriesJustUnderTheLimitAreRead()
    {
        var roles = string.Concat(Enumerable.Range(0, 5000).Select(i =>
            $"- rolearn: arn:aws:iam::111122223333:role/r{i}\n  username: u{i}\n  groups: [g{i}]\n"));

        var map = AwsAuthParser.Parse(new Dictionary<string, string> { ["mapRoles"] = roles });

        Assert.Equal(5000, map.Roles.Count);
        var last = map.FindRole(AwsPrincipalArn.Parse("arn:aws:iam::111122223333:role/r4999"));
        Assert.Equal("u4999", last?.Username);
    }

    [Fact]
    public void HostileTextIsQuotedInProblems()
    {
        var map = AwsAuthParser.Parse(new Dictionary<string, string>
        {
            ["mapRoles"] = "- rolearn: \"not\\nan \\\"arn\\\"\"\n  username: x",
            ["MAPROLES"] = "",
        });

        SentenceAssert.AnyContains(map.Problems, "\"not\\nan \\\"arn\\\"\" is not an IAM ARN");
        Assert.All(map.Problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void ConfigMapInAListAndJsonFormAreFound()
    {
        const string list = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: other, namespace: kube-system}
              data: {mapRoles: ""}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: aws-auth, namespace: kube-system}
              data:
                mapUsers: |
                  - userarn: arn:aws:iam::111122223333:user/a
                    username: a
            """;
        const string json = """
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth"},
             "data": {"mapUsers": "- userarn: arn:aws:iam::111122223333:user/a\n  username: a\n"}}
            """;

        Assert.Equal("a", Assert.Single(AwsAuthParser.ParseConfigMap(list).Users).Username);
        Assert.Equal("a", Assert.Single(AwsAuthParser.ParseConfigMap(json).Users).Username);
    }

    [Theory]
    [InlineData("")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: x}")]
    [InlineData("{{{{")]
    [InlineData("data: [1, 2]")]
    public void TextWithoutAConfigMapGivesOneProblem(string text)
    {
        var map = AwsAuthParser.ParseConfigMap(text);

        Assert.Empty(map.Roles);
        Assert.Single(map.Problems);
    }
}
