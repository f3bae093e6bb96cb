using System.Globalization;
using ChatOpsBot.Teams.Protocol;

namespace ChatOpsBot.Teams.Tests.Unit;

public sealed class TeamsTextTests
{
    private const string BotId = "28:bot";
    private static readonly TeamsMention Bot = new(BotId, "k8s-bot", "<at>k8s-bot</at>");
    private static readonly TeamsMention Alice = new("29:alice", "Alice Smith", "<at>Alice</at>");

    [Theory]
    [InlineData("<at>k8s-bot</at> cannot exec", "cannot exec")]
    [InlineData("cannot exec <at>k8s-bot</at>", "cannot exec")]
    [InlineData("why  <at>k8s-bot</at>   is this forbidden", "why is this forbidden")]
    [InlineData("<at>k8s-bot</at>", "")]
    [InlineData("no mention here", "no mention here")]
    public void The_bots_own_mention_is_removed(string text, string expected) =>
        Assert.Equal(expected, TeamsText.StripMentions(text, [Bot], BotId));

    [Fact]
    public void A_mention_of_someone_else_keeps_their_name()
    {
        var clean = TeamsText.StripMentions("<at>k8s-bot</at> <at>Alice</at> gets Forbidden", [Bot, Alice], BotId);

        Assert.Equal("Alice Smith gets Forbidden", clean);
    }

    [Fact]
    public void Without_a_bot_id_every_mention_is_removed()
    {
        Assert.Equal("gets Forbidden", TeamsText.StripMentions("<at>Alice</at> gets Forbidden", [Alice], null));
    }

    [Fact]
    public void Line_breaks_of_a_pasted_error_are_kept()
    {
        var clean = TeamsText.StripMentions("<at>k8s-bot</at> Error from server (Forbidden):\r\npods is forbidden",
            [Bot], BotId);

        Assert.Equal("Error from server (Forbidden):\npods is forbidden", clean);
    }

    [Fact]
    public void Empty_text_gives_empty_text() =>
        Assert.Equal("", TeamsText.StripMentions(null, [Bot], BotId));

    [Fact]
    public void Huge_input_is_handled_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("<at>k8s-bot</at> <at", 200_000));

        var clean = TeamsText.StripMentions(text, [Bot], BotId);

        Assert.DoesNotContain("k8s-bot", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_real_at_tags_are_replaced()
    {
        // An entity is the sender's to write: "a" is not a mention, so nothing is multiplied.
        var lying = new TeamsMention("29:x", new string('N', 20_000), "a");

        var clean = TeamsText.StripMentions(new string('a', 20_000), [lying], BotId);

        Assert.Equal(new string('a', 20_000), clean);
    }

    [Fact]
    public void Mentions_cannot_make_the_text_much_longer()
    {
        var tag = "<at>x</at>";
        var text = string.Concat(Enumerable.Repeat(tag + " ", 20_000));
        var huge = new TeamsMention("29:x", new string('N', 20_000), tag);
        var many = Enumerable.Range(0, 1_000)
            .Select(i => new TeamsMention($"29:{i}", new string('M', 300), tag));

        var once = TeamsText.StripMentions(text, [huge], BotId);
        var often = TeamsText.StripMentions(text, [.. many], BotId);

        var limit = text.Length + 16_384;
        Assert.True(once.Length <= limit, once.Length.ToString(CultureInfo.InvariantCulture));
        Assert.True(often.Length <= limit, often.Length.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_long_name_is_cut()
    {
        var named = new TeamsMention("29:x", new string('N', 1_000), "<at>x</at>");

        var clean = TeamsText.StripMentions("<at>x</at> hi", [named], BotId);

        Assert.Equal(new string('N', 256) + " hi", clean);
    }
}
