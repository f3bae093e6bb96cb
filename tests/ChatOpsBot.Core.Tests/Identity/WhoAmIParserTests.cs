using System.Diagnostics;
using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class WhoAmIParserTests
{
    private const string SessionArn = "arn:aws:sts::123456789012:assumed-role/eks-role@hello/EKSGetTokenAuth";

    // The table kubectl prints: a tab writer pads the columns with spaces.
    private const string Table = """
        ATTRIBUTE             VALUE
        Username              arn:aws:sts::123456789012:assumed-role/eks-role@hello/EKSGetTokenAuth
        UID                   aws-iam-authenticator:123456789012:AROAEXAMPLEID
        Groups                [fake_company:server eks-console-access-group system:authenticated]
        Extra: accessKeyId    [ASIAEXAMPLEKEY123456]
        Extra: sessionName    [EKSGetTokenAuth]
        """;

    private const string Json = """
        {
            "kind": "SelfSubjectReview",
            "apiVersion": "authentication.k8s.io/v1",
            "metadata": {
                "creationTimestamp": "2024-05-01T10:00:00Z"
            },
            "status": {
                "userInfo": {
                    "username": "kubernetes-admin",
                    "groups": [
                        "system:masters",
                        "system:authenticated"
                    ]
                }
            }
        }
        """;

    private const string Yaml = """
        apiVersion: authentication.k8s.io/v1
        kind: SelfSubjectReview
        metadata:
          creationTimestamp: "2024-05-01T10:00:00Z"
        status:
          userInfo:
            extra:
              sessionName:
              - alice
            groups:
            - team-hello
            - system:authenticated
            uid: aws-iam-authenticator:123456789012:AROAEXAMPLEID
            username: alice
        """;

    [Fact]
    public void ReadsTheTable()
    {
        var whoami = WhoAmIParser.TryParse(Table);

        Assert.NotNull(whoami);
        Assert.Equal(SessionArn, whoami.Value.User);
        Assert.Equal(
            ["fake_company:server", "eks-console-access-group", "system:authenticated"],
            whoami.Value.Groups);
    }

    [Fact]
    public void ReadsTheTableInsideAChatPaste()
    {
        var paste = "I ran whoami:\n```$ kubectl auth whoami\n" + Table + "```\nand then exec failed:\n"
            + "Error from server (Forbidden): pods \"x\" is forbidden: User \"u\" cannot create resource";

        var whoami = WhoAmIParser.TryParse(paste);

        Assert.Equal(SessionArn, whoami?.User);
        Assert.Equal(3, whoami?.Groups.Count);
    }

    [Fact]
    public void ReadsATableWithoutGroups()
    {
        var whoami = WhoAmIParser.TryParse("ATTRIBUTE   VALUE\r\nUsername    system:anonymous\r\n");

        Assert.Equal("system:anonymous", whoami?.User);
        Assert.Empty(whoami!.Value.Groups);
    }

    [Fact]
    public void ReadsJson()
    {
        var whoami = WhoAmIParser.TryParse(Json);

        Assert.Equal("kubernetes-admin", whoami?.User);
        Assert.Equal(["system:masters", "system:authenticated"], whoami!.Value.Groups);
    }

    [Fact]
    public void ReadsCompactJsonInsideALog()
    {
        var paste = "2024-05-01 step 3 {\"note\": \"not this {\"} whoami: "
            + "{\"kind\":\"SelfSubjectReview\",\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":{},"
            + "\"status\":{\"userInfo\":{\"username\":\"bob\",\"groups\":[\"devs\"]}}} trailing {";

        var whoami = WhoAmIParser.TryParse(paste);

        Assert.Equal("bob", whoami?.User);
        Assert.Equal(["devs"], whoami!.Value.Groups);
    }

    [Fact]
    public void ReadsYaml()
    {
        var whoami = WhoAmIParser.TryParse(Yaml);

        Assert.Equal("alice", whoami?.User);
        Assert.Equal(["team-hello", "system:authenticated"], whoami!.Value.Groups);
    }

    [Fact]
    public void ReadsIndentedYamlBetweenOtherText()
    {
        var indented = string.Join('\n', Yaml.Split('\n').Select(line => "    " + line));
        var paste = "$ kubectl auth whoami -o yaml\n" + indented + "\nError from server (Forbidden): nope\n";

        var whoami = WhoAmIParser.TryParse(paste);

        Assert.Equal("alice", whoami?.User);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Error from server (Forbidden): pods is forbidden: User \"bob\" cannot list")]
    [InlineData("ATTRIBUTE VALUE\nUID 123")]
    [InlineData("{\"kind\": \"SelfSubjectReview\", \"status\": {\"userInfo\": {\"groups\": []}}}")]
    [InlineData("{\"kind\": \"SelfSubjectReview\", \"status\": {\"userInfo\": {\"username\": 5}}}")]
    [InlineData("{\"kind\": \"SelfSubjectReview\", \"status\": {\"userInfo\": {\"username\": \"cut")]
    [InlineData("kind: SelfSubjectReview\nstatus: [")]
    [InlineData("kind: SelfSubjectReview\nstatus:\n  userInfo:\n    groups: [a]")]
    [InlineData("kind: Pod\nstatus:\n  userInfo:\n    username: x")]
    public void TextWithoutWhoAmIGivesNull(string text)
    {
        Assert.Null(WhoAmIParser.TryParse(text));
    }

    [Fact]
    public void TheFirstOutputInTheTextWins()
    {
        var whoami = WhoAmIParser.TryParse(Yaml + "\n\n" + Json + "\n" + Table);

        Assert.Equal("alice", whoami?.User);
    }

    [Fact]
    public void HostileValuesAreReturnedVerbatim()
    {
        const string json = """
            {"kind":"SelfSubjectReview","status":{"userInfo":
              {"username":"a\"b\n{{SessionName}}","groups":["x\ny"]}}}
            """;

        var whoami = WhoAmIParser.TryParse(json);

        Assert.Equal("a\"b\n{{SessionName}}", whoami?.User);
        Assert.Equal(["x\ny"], whoami!.Value.Groups);
    }

    [Fact]
    public void HugePasteIsSearchedQuickly()
    {
        const string decoys = "{ \"kind\": \"SelfSubjectReview\" {\n"
            + "ATTRIBUTE VALUE\nkind: SelfSubjectReview\n";
        var noise = string.Concat(Enumerable.Repeat(decoys, 40_000));
        var watch = Stopwatch.StartNew();

        var whoami = WhoAmIParser.TryParse(noise + Table);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(SessionArn, whoami?.User);
    }
}
