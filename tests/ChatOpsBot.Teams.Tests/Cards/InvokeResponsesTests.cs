using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

public sealed class InvokeResponsesTests
{
    private readonly JsonObject _card = AdaptiveCardRenderer.Render(
        new Slack.Protocol.SlackMessage("Approved by *Alice*"), _ => null);

    [Fact]
    public void A_card_already_placed_elsewhere_is_copied_not_moved()
    {
        var first = InvokeResponses.Card(_card);

        var second = TeamsActivities.MessageWithCard(_card, "again");

        Assert.Same(_card, first["value"]);
        Assert.True(JsonNode.DeepEquals(_card, second["attachments"]![0]!["content"]));
    }

    [Fact]
    public void A_card_response_replaces_the_card()
    {
        var response = InvokeResponses.Card(_card);

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        Assert.Same(_card, response["value"]);
    }

    [Fact]
    public void A_message_response_carries_the_text()
    {
        var response = InvokeResponses.Message("Request sent.");

        Assert.Equal(
            "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\","
            + "\"value\":\"Request sent.\"}",
            response.ToJsonString());
    }

    [Fact]
    public void An_error_response_carries_code_and_message()
    {
        var response = InvokeResponses.Error(400, "BadRequest", "That button has expired.");

        Assert.Equal(400, (int)response["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)response["type"]);
        Assert.Equal("BadRequest", (string?)response["value"]!["code"]);
        Assert.Equal("That button has expired.", (string?)response["value"]!["message"]);
    }

    [Fact]
    public void A_card_message_attaches_the_card_and_summarises_it()
    {
        var activity = TeamsActivities.MessageWithCard(
            _card, "Access request for RoleBinding hello/rb:hello &amp; more");

        Assert.Equal("message", (string?)activity["type"]);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Same(_card, attachment["content"]);
        Assert.Equal("Access request for RoleBinding hello/rb:hello & more", (string?)activity["summary"]);
        Assert.Null(activity["text"]);
    }

    [Fact]
    public void A_long_fallback_is_cut()
    {
        var activity = TeamsActivities.MessageWithCard(new JsonObject(), new string('x', 5000));

        Assert.Equal(TeamsActivities.MaxSummaryLength, ((string)activity["summary"]!).Length);
    }
}
