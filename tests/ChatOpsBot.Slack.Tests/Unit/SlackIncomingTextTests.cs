using ChatOpsBot.Slack.Inbound;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class SlackIncomingTextTests
{
    [Theory]
    [InlineData("a &lt;b&gt; &amp;lt; c", "a <b> &lt; c")]
    [InlineData("see <https://10.0.0.1:6443>", "see https://10.0.0.1:6443")]
    [InlineData("see <https://example.com|example.com> now", "see example.com now")]
    [InlineData("<@U123> hi", "@U123 hi")]
    [InlineData("<@U123|bob> hi", "@bob hi")]
    [InlineData("<#C123|general>", "#general")]
    [InlineData("<!here> ping", "@here ping")]
    [InlineData("<!subteam^S123|@platform>", "@platform")]
    [InlineData("a < b and c > d", "a  b and c  d")]
    [InlineData("x <y> <z|w>", "x y w")]
    [InlineData("unclosed < here", "unclosed < here")]
    [InlineData("", "")]
    public void Slack_markup_becomes_plain_text(string slack, string plain)
    {
        Assert.Equal(plain, SlackIncomingText.ToPlainText(slack));
    }

    [Fact]
    public void Megabytes_of_angle_brackets_are_handled_in_linear_time()
    {
        var hostile = new string('<', 2_000_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var plain = SlackIncomingText.ToPlainText(hostile);

        Assert.Equal(hostile.Length, plain.Length);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }
}
