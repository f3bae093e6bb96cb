using ChatOpsBot.Core.Identity;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Core.Tests.Identity;

/// <summary>aws-auth examples from the EKS and aws-iam-authenticator documentation.</summary>
public sealed class AwsAuthDocsFixtureTests
{
    private static readonly string[] DataKeys = ["mapRoles", "mapUsers", "mapAccounts"];

    [Fact]
    public void KubectlEditExampleGivesRolesAndUsers()
    {
        var text = EksFixtures.Read("aws-auth/aws-eks-docs-kubectl-edit-example.yaml");

        var map = AwsAuthParser.ParseConfigMap(text);

        Assert.Empty(map.Problems);
        Assert.Equal(
            [
                "arn:aws:iam::111122223333:role/my-role",
                "arn:aws:iam::111122223333:role/my-console-viewer-role",
            ],
            map.Roles.Select(r => r.Arn));
        Assert.Equal("system:node:{{EC2PrivateDNSName}}", map.Roles[0].Username);
        Assert.Equal(["system:bootstrappers", "system:nodes"], map.Roles[0].Groups);
        Assert.Equal(["admin", "my-user"], map.Users.Select(u => u.Username));

        // The docs put trailing spaces after this group name: YAML drops them from the value.
        Assert.Equal(["eks-console-dashboard-restricted-access-group"], map.Users[1].Groups);
    }

    [Fact]
    public void KubectlDescribeOutputIsRead()
    {
        var text = EksFixtures.Read("aws-auth/aws-eks-docs-kubectl-describe-default.txt");

        var map = AwsAuthParser.ParseConfigMap(text);

        Assert.Empty(map.Problems);
        var role = Assert.Single(map.Roles);
        Assert.Equal("arn:aws:iam::111122223333:role/my-node-role", role.Arn);
        Assert.Equal("system:node:{{EC2PrivateDNSName}}", role.Username);
        Assert.Equal(["system:bootstrappers", "system:nodes"], role.Groups);
        Assert.Empty(map.Users);
    }

    [Fact]
    public void HybridNodesDocsYamlGivesAProblemNotAnException()
    {
        var map = AwsAuthParser.ParseConfigMap(EksFixtures.Read("aws-auth/aws-eks-docs-hybrid-nodes.yml"));

        Assert.Empty(map.Roles);
        var problem = Assert.Single(map.Problems);
        Assert.StartsWith("aws-auth mapRoles is not valid YAML (line 4", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void HybridNodesConfigMapThatKubernetesRefusesGivesAProblem()
    {
        var map = AwsAuthParser.ParseConfigMap(
            EksFixtures.Read("aws-auth/aws-eks-docs-hybrid-nodes-configmap.yaml"));

        Assert.Empty(map.Roles);
        Assert.Empty(map.Users);
        var problem = Assert.Single(map.Problems);
        Assert.Contains("not valid YAML", problem, StringComparison.Ordinal);
        Assert.Contains("nothing is mapped", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthenticatorReadmeConfigKeepsEveryTemplateAndReportsShadowedRoles()
    {
        var map = AwsAuthParser.Parse(ServerConfigAsData());

        Assert.Equal(6, map.Roles.Count);
        Assert.Equal(
            [
                "kubernetes-admin",
                "aws:{{AccountID}}:instance:{{SessionName}}",
                "system:node:{{EC2PrivateDNSName}}",
                "admin:{{SessionName}}",
                "{{SessionName}}",
                "admin:{{AccessKeyID}}",
            ],
            map.Roles.Select(r => r.Username));
        Assert.Equal(["012345678901", "456789012345"], map.Accounts);
        Assert.Equal("alice", Assert.Single(map.Users).Username);

        // Three role ARNs appear twice: the authenticator keeps only the last of each.
        Assert.Equal(3, map.Problems.Count(p => p.Contains("uses only the last", StringComparison.Ordinal)));
        var admin = map.FindRole(AwsPrincipalArn.Parse("arn:aws:iam::000000000000:role/KubernetesAdmin"));
        Assert.Equal("admin:{{SessionName}}", admin?.Username);
    }

    [Fact]
    public void SsoSnippetsReportTheSsoMatcherAndBadGroups()
    {
        var snippets = EksFixtures.Read("aws-auth/aws-iam-authenticator-sso-role-matcher-snippets.txt")
            .Split("\n---\n");
        Assert.Equal(3, snippets.Length);

        var plain = AwsAuthParser.Parse(SnippetAsData(snippets[0]));
        Assert.Equal(
            "arn:aws:iam::000000000000:role/AWSReservedSSO_MyPermissionSet_1234567890abcde",
            Assert.Single(plain.Roles).Arn);
        SentenceAssert.AnyContains(plain.Problems, "groups is text, not a list");

        foreach (var snippet in snippets.Skip(1))
        {
            var sso = AwsAuthParser.Parse(SnippetAsData(snippet));
            SentenceAssert.AnyContains(sso.Problems, "\"sso\" matcher");
        }
    }

    [Fact]
    public void SsoSnippetPastedAsConfigMapTextIsAProblemNotAnException()
    {
        var text = EksFixtures.Read("aws-auth/aws-iam-authenticator-sso-role-matcher-snippets.txt")
            .Split("\n---\n")[0];

        var map = AwsAuthParser.ParseConfigMap(text);

        Assert.Empty(map.Roles);
        Assert.NotEmpty(map.Problems);
    }

    // The README example is a server config file: the same entries, as YAML lists, not strings.
    private static Dictionary<string, string> ServerConfigAsData()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(
            EksFixtures.Read("aws-auth/aws-iam-authenticator-readme-server-config.yaml")));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var server = (YamlMappingNode)root.Children[new YamlScalarNode("server")];
        return DataKeys.ToDictionary(key => key, key =>
        {
            using var writer = new StringWriter();
            var document = new YamlDocument(server.Children[new YamlScalarNode(key)]);
            new YamlStream(document).Save(writer, assignAnchors: false);
            return writer.ToString();
        });
    }

    // "  mapRoles: |" followed by the entries two spaces in: the entries are the value.
    private static Dictionary<string, string> SnippetAsData(string snippet)
    {
        var lines = snippet.Split('\n')
            .SkipWhile(line => !line.Contains("mapRoles:", StringComparison.Ordinal))
            .Skip(1)
            .Select(line => line.Length >= 2 ? line[2..] : line);
        return new Dictionary<string, string> { ["mapRoles"] = string.Join('\n', lines) };
    }
}
