using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Slack.Commands;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class AccessCommandParserTests
{
    private const StringComparison Ord = StringComparison.Ordinal;
    private const string Rbac = "rbac.authorization.k8s.io";

    public static TheoryData<string, string, string, string?, string?, string?, string?, bool> Valid => new()
    {
        // text, verb, resource, subresource, apiGroup, namespace, name, clusterScope
        { "hello", "create", "pods", "exec", "", "hello", null, false },
        { "hello hello-beta1-58cf69d988-64qjp", "create", "pods", "exec", "", "hello",
            "hello-beta1-58cf69d988-64qjp", false },
        { "-n hello web-0", "create", "pods", "exec", "", "hello", "web-0", false },
        { "exec hello web-0", "create", "pods", "exec", "", "hello", "web-0", false },
        { "cp hello", "create", "pods", "exec", "", "hello", null, false },
        { "logs hello", "get", "pods", "log", "", "hello", null, false },
        { "logs -n hello api-1", "get", "pods", "log", "", "hello", "api-1", false },
        { "port-forward hello db-0", "create", "pods", "portforward", "", "hello", "db-0", false },
        { "attach hello", "create", "pods", "attach", "", "hello", null, false },
        { "get secrets -n hello", "get", "secrets", null, "", "hello", null, false },
        { "get secrets hello", "get", "secrets", null, "", "hello", null, false },
        { "get secret hello db-password", "get", "secrets", null, "", "hello", "db-password", false },
        { "get secrets --namespace=hello db-pw", "get", "secrets", null, "", "hello", "db-pw", false },
        { "list deploy -n hello", "list", "deployments", null, "apps", "hello", null, false },
        { "patch deployments.apps/scale hello web", "patch", "deployments", "scale", "apps", "hello", "web",
            false },
        { "get widgets.example.com -n hello", "get", "widgets", null, "example.com", "hello", null, false },
        { "list pods -A", "list", "pods", null, "", null, null, true },
        { "get nodes", "get", "nodes", null, "", null, null, true },
        { "get clusterroles edit", "get", "clusterroles", null, Rbac, null, "edit", true },
        { "get rolebindings hello rb:hello", "get", "rolebindings", null, Rbac, "hello", "rb:hello", false },
        { "  hello\t", "create", "pods", "exec", "", "hello", null, false },
        // With -n, the word is the pod, as in `kubectl exec web-0 -n hello`.
        { "web-0 -n hello", "create", "pods", "exec", "", "hello", "web-0", false },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_commands_become_the_right_request(
        string text, string verb, string resource, string? sub, string? group, string? ns, string? name,
        bool clusterScope)
    {
        var result = AccessCommandParser.Parse(text);

        Assert.Null(result.Error);
        var command = Assert.IsType<AccessCommand>(result.Command);
        Assert.Equal((verb, resource, sub, group, ns, name, clusterScope),
            (command.Verb, command.Resource, command.Subresource, command.ApiGroup, command.Namespace,
                command.Name, command.ClusterScope));
    }

    [Fact]
    public void Options_are_read_anywhere_and_mac_dashes_are_forgiven()
    {
        var result = AccessCommandParser.Parse(
            "\u2014cluster prod-eu hello --as-role arn:aws:iam::111122223333:role/team/dev");

        var command = result.Command!;
        Assert.Equal("prod-eu", command.Cluster);
        Assert.Equal("arn:aws:iam::111122223333:role/team/dev", command.AsRole);
        Assert.Equal("hello", command.Namespace);
    }

    [Fact]
    public void The_attempt_is_a_forbidden_error_for_exactly_that_request()
    {
        var attempt = AccessCommandParser.Parse("logs hello api-1").Command!.ToAttempt();

        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("get", "pods", "log", "", "hello", "api-1"),
            (attempt.Verb, attempt.Resource, attempt.Subresource, attempt.ApiGroup, attempt.Namespace,
                attempt.Name));
        Assert.Null(attempt.User);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("?")]
    [InlineData("--help")]
    [InlineData("hello -h")]
    public void Help_is_recognised(string text)
    {
        Assert.True(AccessCommandParser.Parse(text).IsHelp);
    }

    [Theory]
    [InlineData("Hello", "neither a command")]
    [InlineData("hello_world", "neither a command")]
    [InlineData("hello pod1 extra", "Too many words")]
    [InlineData("get", "what?")]
    [InlineData("get secrets", "Which namespace?")]
    [InlineData("get SECRETS -n hello", "not a valid resource")]
    [InlineData("get secrets/ -n hello", "not a valid resource")]
    [InlineData("get nodes -n hello", "cluster-scoped")]
    [InlineData("get secrets hello name extra", "Too many words")]
    [InlineData("logs", "Which namespace?")]
    [InlineData("logs -A", "one namespace")]
    [InlineData("hello --cluster", "needs a value")]
    [InlineData("hello --cluster bad/name", "not a valid cluster")]
    [InlineData("hello --as-role notanarn", "not an IAM role ARN")]
    [InlineData("hello --as-role arn:aws:s3:::bucket", "not an IAM role ARN")]
    [InlineData("hello --frobnicate", "don't know the option")]
    [InlineData("hello pod -n goodbye", "Too many words")]
    [InlineData("-n hello -n goodbye", "given twice")]
    [InlineData("-n Hello", "not a valid namespace")]
    [InlineData("-n hello -A", "not both")]
    [InlineData("-A=yes hello", "takes no value")]
    [InlineData("hello bad/pod", "not a valid pod name")]
    public void Malformed_commands_get_one_clear_sentence(string text, string expected)
    {
        var result = AccessCommandParser.Parse(text);

        Assert.Null(result.Command);
        Assert.False(result.IsHelp);
        Assert.Contains(expected, result.Error, Ord);
    }

    [Fact]
    public void A_namespace_longer_than_63_characters_is_refused()
    {
        Assert.NotNull(AccessCommandParser.Parse(new string('a', 63)).Command);
        Assert.Null(AccessCommandParser.Parse(new string('a', 64)).Command);
    }

    [Fact]
    public void Hostile_text_is_refused_and_echoed_only_escaped()
    {
        var result = AccessCommandParser.Parse("<!channel> <@U123> &lt;script&gt;");

        Assert.NotNull(result.Error);
        Assert.DoesNotContain("<!channel>", result.Error, Ord);
        Assert.DoesNotContain("<@U123>", result.Error, Ord);
        Assert.DoesNotContain("<script>", result.Error, Ord);
    }

    [Fact]
    public void Huge_text_is_refused_quickly()
    {
        var result = AccessCommandParser.Parse(string.Concat(Enumerable.Repeat("hello ", 100_000)));

        Assert.Contains("too long", result.Error, Ord);
    }

    [Fact]
    public void Slack_links_in_the_text_are_unwrapped()
    {
        // Slack may turn a dotted word into a link: <http://deployments.apps|deployments.apps>.
        var result = AccessCommandParser.Parse("get <http://deployments.apps|deployments.apps> -n hello");

        Assert.Equal(("deployments", "apps"), (result.Command!.Resource, result.Command.ApiGroup));
    }
}
