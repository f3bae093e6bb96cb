using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Teams.Cards;
using ChatOpsBot.Teams.Tests.Support;

namespace ChatOpsBot.Teams.Tests.Cards;

public sealed class CardActionReaderTests
{
    private static readonly Func<string, string?> Names = _ => null;

    [Fact]
    public void The_fixture_invoke_without_our_ids_is_not_a_click_of_ours()
    {
        var value = ValueOf(Fixture.Read("invoke-adaptiveCard-action-Action.Execute.json"));

        Assert.Null(CardActionReader.TryRead(value));
    }

    [Theory]
    [InlineData("docs-messageBack-inbound-message.json")]
    [InlineData("docs-invoke-inbound-message.json")]
    public void Documented_submit_and_invoke_values_without_our_ids_are_refused(string fixture)
    {
        Assert.Null(CardActionReader.TryRead(ValueOf(Fixture.Read(fixture))));
    }

    [Fact]
    public void The_documented_msteams_submit_data_is_not_mistaken_for_a_click()
    {
        var json = Fixture.Read("docs-adaptive-card-Action.Submit-msteams-actions.json");
        var actions = JsonNode.Parse(json)!.AsArray();

        Assert.All(actions, action =>
            Assert.Null(CardActionReader.TryRead(JsonSerializer.SerializeToElement(action!["data"]))));
    }

    [Fact]
    public async Task Clicking_request_access_in_the_seed_card_reads_back_the_slack_ids()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.DiagnosisAsync(), Names);
        var execute = CardQuery.TopExecute(card, SlackActionIds.RequestAccess);

        var click = CardActionReader.TryRead(InvokeValue(execute));

        Assert.Equal(new CardAction(
                SlackActionIds.RequestAccess,
                SlackActionIds.RequestBlockPrefix + SeedMessages.DiagnosisId,
                SeedMessages.DiagnosisId,
                null),
            click);
    }

    [Fact]
    public async Task The_same_click_through_the_Action_Submit_fallback_reads_the_same()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.DiagnosisAsync(), Names);
        var execute = CardQuery.TopExecute(card, SlackActionIds.RequestAccess);
        var message = JsonNode.Parse(Fixture.Read("docs-messageBack-inbound-message.json"))!;
        message["value"] = execute["fallback"]!["data"]!.DeepClone();

        var click = CardActionReader.TryRead(ValueOf(message.ToJsonString()));

        Assert.Equal(CardActionReader.TryRead(InvokeValue(execute)), click);
    }

    [Fact]
    public async Task Choosing_an_identity_carries_the_chosen_option()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.DiagnosisAsync(), Names);
        var choices = Assert.Single(CardQuery.OfType(card, "Input.ChoiceSet"));
        var chosen = (string)choices["choices"]![0]!["value"]!;
        var use = CardQuery.TopExecute(card, SlackActionIds.ChooseIdentity);

        // Teams merges the card's input values into the action's data.
        var data = use["data"]!.DeepClone().AsObject();
        data[(string)choices["id"]!] = chosen;
        var click = CardActionReader.TryRead(InvokeValue(use, data));

        Assert.NotNull(click);
        Assert.Equal(SlackActionIds.ChooseIdentity, click.ActionId);
        Assert.Equal(SlackActionIds.IdentityBlockPrefix + SeedMessages.DiagnosisId, click.BlockId);
        Assert.Equal(chosen, click.SelectedOption);
        Assert.Null(click.Value);
    }

    [Fact]
    public void A_menu_button_sent_without_a_choice_has_no_selected_option()
    {
        var value = Parse("""{"action_id": "a", "block_id": "b", "input_id": "choice:b/a"}""");

        Assert.Equal(new CardAction("a", "b", null, null), CardActionReader.TryRead(value));
    }

    [Fact]
    public void An_invoke_with_only_a_verb_is_read_from_the_verb()
    {
        var value = Parse(
            """{"action": {"type": "Action.Execute", "verb": "k8s_access.approve"}, "trigger": "manual"}""");

        Assert.Equal(new CardAction("k8s_access.approve", null, null, null), CardActionReader.TryRead(value));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"action": "Action.Execute"}""")]
    [InlineData("""{"action": {"type": "Action.Submit", "data": {"action_id": "a"}}}""")]
    [InlineData("""{"action": {"verb": "a", "data": {"action_id": "a"}}}""")]
    [InlineData("""{"action": {"type": "Action.Execute", "verb": 5, "data": {"action_id": "a"}}}""")]
    [InlineData("""{"action": {"type": "Action.Execute", "verb": "a", "data": "a"}}""")]
    [InlineData("""{"action": {"type": "Action.Execute", "verb": "a", "data": {"action_id": "b"}}}""")]
    [InlineData("""{"action": {"type": "Action.Execute", "data": {"action_id": "a"}}, "trigger": 1}""")]
    [InlineData("""{"action": {"type": "Action.Execute", "data": {}}}""")]
    [InlineData("""{"action_id": 5}""")]
    [InlineData("""{"action_id": ""}""")]
    [InlineData("""{"action_id": "a\u0000b"}""")]
    [InlineData("""{"action_id": "a", "block_id": ["b"]}""")]
    [InlineData("""{"action_id": "a", "value": {"x": 1}}""")]
    [InlineData("""{"action_id": "a", "action_id": "b"}""")]
    [InlineData("""{"action_id": "a", "input_id": "choice", "choice": 3}""")]
    [InlineData("""{"action_id": "a", "input_id": ""}""")]
    [InlineData("""{"action_id": "a", "input_id": 1}""")]
    [InlineData("""{"action": {"type": "Action.Execute", "data": {"action_id": "a"}}, "action": {}}""")]
    public void Malformed_values_are_refused(string json)
    {
        Assert.Null(CardActionReader.TryRead(Parse(json)));
    }

    [Theory]
    [InlineData("action_id", 256)]
    [InlineData("block_id", 256)]
    [InlineData("value", 2001)]
    public void Oversized_fields_are_refused(string field, int length)
    {
        var data = new JsonObject { ["action_id"] = "a", [field] = new string('x', length) };
        var fits = new JsonObject { ["action_id"] = "a", [field] = new string('x', length - 1) };

        Assert.Null(CardActionReader.TryRead(JsonSerializer.SerializeToElement(data)));
        Assert.NotNull(CardActionReader.TryRead(JsonSerializer.SerializeToElement(fits)));
    }

    [Fact]
    public void An_oversized_chosen_option_or_too_many_fields_are_refused()
    {
        var longChoice = new JsonObject
        {
            ["action_id"] = "a", ["input_id"] = "c", ["c"] = new string('x', 2001),
        };
        var crowded = new JsonObject { ["action_id"] = "a" };
        for (var i = 0; i < CardActionReader.MaxProperties; i++)
        {
            crowded["k" + i] = i;
        }

        Assert.Null(CardActionReader.TryRead(JsonSerializer.SerializeToElement(longChoice)));
        Assert.Null(CardActionReader.TryRead(JsonSerializer.SerializeToElement(crowded)));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static JsonElement ValueOf(string activityJson)
    {
        using var document = JsonDocument.Parse(activityJson);
        return document.RootElement.GetProperty("value").Clone();
    }

    // The invoke Teams sends for a click: the fixture's activity with this action's verb and data.
    private static JsonElement InvokeValue(JsonObject execute, JsonObject? data = null)
    {
        var activity = JsonNode.Parse(Fixture.Read("invoke-adaptiveCard-action-Action.Execute.json"))!;
        var action = activity["value"]!["action"]!.AsObject();
        action["title"] = (string?)execute["title"];
        action["verb"] = (string?)execute["verb"];
        action["data"] = data ?? execute["data"]!.DeepClone();
        return ValueOf(activity.ToJsonString());
    }
}
