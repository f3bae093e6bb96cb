using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Adapter;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Adapter;

public sealed class TeamsTextAndClickTests
{
    private static readonly TeamsConversation Channel =
        new("CCHANNEL", "https://smba.trafficmanager.net/amer/", "19:c@thread.tacv2", "channel");

    [Theory]
    [InlineData("<p>Forbidden: pods &quot;x&quot;</p>", "Forbidden: pods \"x\"\n")]
    [InlineData("line one<br>line two<br/>three", "line one\nline two\nthree")]
    [InlineData("kept: <none> and a &lt;tag&gt;", "kept: <none> and a <tag>")]
    [InlineData("plain text stays", "plain text stays")]
    [InlineData("a&nbsp;b", "a b")]
    public void Teams_formatting_is_removed_and_pasted_angle_brackets_kept(string text, string expected) =>
        Assert.Equal(expected, TeamsIncomingText.ToPlainText(text));

    [Fact]
    public void A_megabyte_of_tags_is_read_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("<p x", 250_000));

        var started = DateTime.UtcNow;
        var plain = TeamsIncomingText.ToPlainText(text);

        Assert.Equal(text, plain);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Mentions_are_found_in_text_and_in_block_text_values()
    {
        var blocks = JsonNode.Parse("""
            [{"type":"section","text":{"type":"mrkdwn","text":"by <@UAAA> for <@UBBB|bee>"}},
             {"type":"context","elements":[{"type":"mrkdwn","text":"<@UAAA> again, <@lower> not"}]}]
            """)!;

        var ids = TeamsMentions.UserIds("<@UCCC> asked", blocks);

        Assert.Equal(["UAAA", "UBBB", "UCCC"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_button_click_becomes_a_block_actions_button_in_the_cards_thread()
    {
        var sender = new TeamsSender(Channel, "UCLICKER", "Clicker", "MINVOKE", null, "TTENANT", false);
        var click = new CardAction("k8s_access.request_access", "k8s_access.request:ID", "ID", null);

        var url = new Uri("http://127.0.0.1/teams/response-url/x");

        var payload = TeamsBlockActions.From(click, sender with { ThreadTs = "MCARD" }, "MCARD", url);

        Assert.Equal("block_actions", (string?)payload["type"]);
        Assert.Equal("UCLICKER", (string?)payload["user"]!["id"]);
        Assert.Equal("TTENANT", (string?)payload["user"]!["team_id"]);
        Assert.Equal("TTENANT", (string?)payload["team"]!["id"]);
        Assert.Equal("CCHANNEL", (string?)payload["container"]!["channel_id"]);
        Assert.Equal("MCARD", (string?)payload["container"]!["message_ts"]);
        Assert.Equal("MCARD", (string?)payload["container"]!["thread_ts"]);
        var action = payload["actions"]![0]!;
        Assert.Equal("button", (string?)action["type"]);
        Assert.Equal("ID", (string?)action["value"]);
        Assert.Equal("k8s_access.request:ID", (string?)action["block_id"]);
    }

    [Fact]
    public void A_menu_choice_becomes_a_static_select_with_the_chosen_option()
    {
        var sender = new TeamsSender(Channel, "UCLICKER", null, "MINVOKE", "MROOT", null, false);
        var click = new CardAction(
            "k8s_access.choose_identity", "k8s_access.identity:ID", null, "arn:aws:iam::1:role/x");

        var payload = TeamsBlockActions.From(
            click, sender, "MCARD", new Uri("http://127.0.0.1/teams/response-url/y"));

        var action = payload["actions"]![0]!;
        Assert.Equal("static_select", (string?)action["type"]);
        Assert.Equal("arn:aws:iam::1:role/x", (string?)action["selected_option"]!["value"]);
        Assert.Null(action["value"]);
        Assert.Null(payload["team"]);
        Assert.Equal("MROOT", (string?)payload["message"]!["thread_ts"]);
    }
}
