using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Turning mangled pastes back into the text the server printed.</summary>
public sealed class PasteNormalizerTests
{
    [Theory]
    [InlineData("msg=\"User \\\"a\\\" cannot\"", "msg=\"User \"a\" cannot\"")]
    [InlineData("\\\\\\\"x\\\\\\\"", "\"x\"")]
    [InlineData("on: , \\u003cnil\\u003e", "on: , <nil>")]
    [InlineData("a\\nb", "a\nb")]
    [InlineData("path C:\\Users\\x", "path C:\\Users\\x")]
    public void UndoesJsonEscapingAtAnyDepth(string raw, string expected)
    {
        Assert.Equal(expected, PasteNormalizer.Normalize(raw));
    }

    [Fact]
    public void StraightensTypographicQuotesAndDecodesHtmlEntities()
    {
        Assert.Equal("User \"bob\" can't &lt;", PasteNormalizer.Normalize("User \u201Cbob\u201D "
            + "can\u2019t &amp;lt;"));
        Assert.Equal("pods \"x\" <y>", PasteNormalizer.Normalize("pods &quot;x&quot; &lt;y&gt;"));
    }

    [Fact]
    public void RemovesAutolinkSchemesButKeepsRealUrls()
    {
        var text = PasteNormalizer.Normalize(
            "http://deployments.apps \"http://web.example.com\" via https://10.0.0.1/apis/apps/v1 and "
                + "https://node:10250");

        Assert.Equal("deployments.apps \"web.example.com\" via https://10.0.0.1/apis/apps/v1 and "
            + "https://node:10250", text);
    }

    [Fact]
    public void UnwrapsSlackLinks()
    {
        Assert.Equal("cannot list jobs.batch", PasteNormalizer.Normalize("cannot list "
            + "<http://jobs.batch|jobs.batch>"));
    }

    [Fact]
    public void DropsMarkdownBoldButKeepsAsteriskMasks()
    {
        Assert.Equal("\"name\" scope", PasteNormalizer.Normalize("\"**name\" scope**"));
        Assert.Equal("ns \"***\" and \"****\"", PasteNormalizer.Normalize("ns \"***\" and \"****\""));
    }

    [Fact]
    public void ReplacesControlCharactersAndNormalisesLineEnds()
    {
        Assert.Equal("a b\nc\nd", PasteNormalizer.Normalize("a\u0001b\r\nc\rd"));
    }

    [Fact]
    public void StripsBoxBordersAndRejoinsAValueCutInsideItsQuotes()
    {
        var text = PasteNormalizer.Normalize("│ User \"system:serviceaccount:ns:long-na │\n│ me\" cannot "
            + "list │");

        Assert.Equal("User \"system:serviceaccount:ns:long-name\" cannot list", text);
    }

    [Fact]
    public void RejoinsGrammarWordsCutByAHardWrapButNotOrdinaryWords()
    {
        Assert.Equal("is forbidden: User \"a\"", PasteNormalizer.Normalize("is forbidden: Use\nr \"a\""));
        Assert.Equal("cannot list config maps", PasteNormalizer.Normalize("cannot li\nst config maps"));
        Assert.Equal("cannot list configmaps in", PasteNormalizer.Normalize("cannot list config\nmaps in"));
        Assert.Equal("at the cluster\nscope", PasteNormalizer.Normalize("at the cluster\nscope"));
    }

    [Fact]
    public void ParsesAMessageWrappedInsideATerraformBox()
    {
        var attempt = AccessErrorParser.Parse(
            "│ Error: roles.rbac.authorization.k8s.io \"ops\" is forbidden: User\n│ \"deployer\" cannot "
                + "get resource\n"
            + "│ \"roles\" in API group \"rbac.authorization.k8s.io\" in the namespace\n│ \"infra\"\n╵")[0];

        Assert.Equal(("deployer", "get", "roles", "infra", "ops"),
            (attempt.User, attempt.Verb, attempt.Resource, attempt.Namespace, attempt.Name));
    }

    [Fact]
    public void ParsesSmartQuotedAutolinkedChatPastes()
    {
        var attempt = AccessErrorParser.Parse(
            "http://deployments.apps \u201Cweb\u201D is forbidden: User \u201Cci\u201D cannot patch "
                + "resource \u201Cdeployments\u201D "
            + "in API group \u201Chttp://apps.example.com\u201D in the namespace \u201Cshop\u201D")[0];

        Assert.Equal(("ci", "patch", "deployments", "apps.example.com", "shop", "web"),
            (attempt.User, attempt.Verb, attempt.Resource, attempt.ApiGroup, attempt.Namespace,
                attempt.Name));
    }
}
