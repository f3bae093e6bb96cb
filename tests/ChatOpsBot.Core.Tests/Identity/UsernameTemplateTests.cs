using System.Diagnostics;
using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class UsernameTemplateTests
{
    private static readonly TemplateValues Session = new()
    {
        AccountId = "111122223333",
        SessionName = "alice@example.com",
        AccessKeyId = "ASIAEXAMPLEKEY123456",
        Ec2PrivateDnsName = "ip-10-0-1-2.ec2.internal",
    };

    [Theory]
    [InlineData("{{SessionName}}", "alice-example.com")]
    [InlineData("{{SessionNameRaw}}", "alice@example.com")]
    [InlineData("aws:{{AccountID}}:instance:{{SessionName}}", "aws:111122223333:instance:alice-example.com")]
    [InlineData("admin:{{AccessKeyID}}", "admin:ASIAEXAMPLEKEY123456")]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "system:node:ip-10-0-1-2.ec2.internal")]
    [InlineData("kubernetes-admin", "kubernetes-admin")]
    [InlineData("{{Unknown}}:{{SessionName}}", "{{Unknown}}:alice-example.com")]
    public void RendersEveryPlaceholder(string template, string expected)
    {
        Assert.True(UsernameTemplate.TryRender(template, Session, out var rendered));
        Assert.Equal(expected, rendered);
    }

    [Fact]
    public void RenderingNeedsEveryValueItUses()
    {
        var roleOnly = new TemplateValues { AccountId = "111122223333" };

        Assert.False(UsernameTemplate.TryRender("{{SessionName}}", roleOnly, out _));
        Assert.False(UsernameTemplate.TryRender("system:node:{{EC2PrivateDNSName}}", roleOnly, out _));
        Assert.True(UsernameTemplate.TryRender("acct-{{AccountID}}", roleOnly, out var rendered));
        Assert.Equal("acct-111122223333", rendered);
        Assert.Equal(
            "x:{{SessionName}}:111122223333",
            UsernameTemplate.RenderKnown("x:{{SessionName}}:{{AccountID}}", roleOnly));
    }

    [Fact]
    public void SanitizedSessionNameRendersOnlyTheSanitizedPlaceholder()
    {
        var readBack = new TemplateValues { SanitizedSessionName = "alice-example.com" };

        Assert.True(UsernameTemplate.TryRender("u:{{SessionName}}", readBack, out var rendered));
        Assert.Equal("u:alice-example.com", rendered);
        Assert.False(UsernameTemplate.TryRender("u:{{SessionNameRaw}}", readBack, out _));
    }

    [Theory]
    [InlineData("{{SessionName}}", "EKSGetTokenAuth", true)]
    [InlineData("{{SessionName}}", "alice-example.com", true)]
    [InlineData("{{SessionName}}", "alice@example.com", false)]
    [InlineData("{{SessionNameRaw}}", "alice@example.com", true)]
    [InlineData("{{SessionName}}", "a", false)]
    [InlineData("{{SessionName}}", "has space", false)]
    [InlineData("{{SessionName}}", "system:node:x", false)]
    [InlineData("admin:{{SessionName}}", "admin:bob", true)]
    [InlineData("admin:{{SessionName}}", "bob", false)]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "system:node:ip-192-168-1-1.us-west-2.compute.internal",
        true)]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "system:node:i-0123456789abcdef0.compute.internal",
        true)]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "EKSGetTokenAuth", false)]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "system:node:Bad_Name", false)]
    [InlineData("system:node:{{SessionName}}", "system:node:fargate-ip-10-0-0-1", true)]
    [InlineData("system:node:{{SessionName}}", "alice", false)]
    [InlineData("aws:{{AccountID}}:instance:{{SessionName}}", "aws:000000000000:instance:i-0123456789abcdef0",
        true)]
    [InlineData("aws:{{AccountID}}:instance:{{SessionName}}", "aws:123:instance:i-0123456789abcdef0", false)]
    [InlineData("admin:{{AccessKeyID}}", "admin:AKIAIOSFODNN7EXAMPLE", true)]
    [InlineData("admin:{{AccessKeyID}}", "admin:short", false)]
    [InlineData("kubernetes-admin", "kubernetes-admin", true)]
    [InlineData("kubernetes-admin", "Kubernetes-admin", false)]
    public void FitsOnlyWhatTheTemplateCanRender(string template, string username, bool fits)
    {
        Assert.Equal(fits, UsernameTemplate.Fits(template, username));
    }

    [Fact]
    public void FitReadsTheSessionBack()
    {
        var values = UsernameTemplate.Fit(
            "aws:{{AccountID}}:instance:{{SessionName}}", "aws:000000000000:instance:i-0abc");

        Assert.NotNull(values);
        Assert.Equal("000000000000", values.AccountId);
        Assert.Equal("i-0abc", values.SanitizedSessionName);
        Assert.Null(values.SessionName);
        Assert.Equal("s@x", UsernameTemplate.Fit("{{SessionNameRaw}}", "s@x")?.SessionName);
    }

    [Fact]
    public void KnownAccountMustBeTheRenderedOne()
    {
        Assert.True(UsernameTemplate.Fits("a:{{AccountID}}", "a:111122223333", "111122223333"));
        Assert.False(UsernameTemplate.Fits("a:{{AccountID}}", "a:444455556666", "111122223333"));
    }

    [Theory]
    [InlineData("dev.{{SessionName}}", "devX{{SessionName}}")]
    [InlineData("dev.{{SessionName}}", "devxbob")]
    [InlineData("a+{{SessionName}}", "aa+bob")]
    [InlineData("(x){{SessionName}}", "xbob")]
    [InlineData("[ab]{{SessionName}}", "abob")]
    public void LiteralTextIsMatchedLiterally(string template, string username)
    {
        Assert.False(UsernameTemplate.Fits(template, username));
    }

    [Theory]
    [InlineData("{{SessionName}}")]
    [InlineData("bob\n")]
    [InlineData("bob\nalice")]
    [InlineData("\"bob\"")]
    [InlineData("bob\u2028")]
    [InlineData("{{SessionNameRaw}}")]
    public void HostileUsernamesDoNotFitSessionTemplates(string username)
    {
        Assert.False(UsernameTemplate.Fits("{{SessionName}}", username));
        Assert.False(UsernameTemplate.Fits("{{SessionNameRaw}}", username));
    }

    [Fact]
    public void TemplateWithQuotesAndNewlinesIsEscapedNotInterpreted()
    {
        const string template = "x\"\n.*{{SessionName}}";

        Assert.True(UsernameTemplate.Fits(template, "x\"\n.*bob"));
        Assert.False(UsernameTemplate.Fits(template, "x\"\nanything-bob"));
    }

    [Fact]
    public void HugeUsernamesAreRejectedQuickly()
    {
        var huge = new string('a', 5_000_000);
        var watch = Stopwatch.StartNew();

        Assert.False(UsernameTemplate.Fits("{{SessionName}}", huge));
        Assert.False(UsernameTemplate.Fits(new string('a', 4000) + "{{SessionName}}", new string('a', 4095)));
        Assert.True(UsernameTemplate.Fits(new string('a', 4000) + "{{SessionName}}", new string('a', 4010)));

        // Too long for the linear engine, and a catastrophic pattern for a backtracking one.
        var nested = string.Concat(Enumerable.Repeat("{{SessionName}}", 200)) + "!";
        Assert.False(UsernameTemplate.Fits(nested, new string('a', 4000)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void RegexIsAnchoredAtBothEnds()
    {
        var regex = UsernameTemplate.ToRegex("admin:{{SessionName}}");

        Assert.Matches(regex, "admin:bob");
        Assert.DoesNotMatch(regex, "xadmin:bob");
        Assert.DoesNotMatch(regex, "admin:bob\n");
    }

    [Theory]
    [InlineData("{{SessionName}}", true)]
    [InlineData("system:node:{{EC2PrivateDNSName}}", true)]
    [InlineData("{{sessionname}}", false)]
    [InlineData("{{Other}}", false)]
    [InlineData("plain", false)]
    public void KnowsWhichTemplatesHavePlaceholders(string template, bool expected)
    {
        Assert.Equal(expected, UsernameTemplate.HasPlaceholders(template));
    }
}
