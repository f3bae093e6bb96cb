using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

public sealed class AdaptiveCardRendererTests
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private static readonly Func<string, string?> Names =
        id => id == SeedMessages.Requester ? "Dana Dev" : null;

    [Fact]
    public async Task The_seed_diagnosis_is_a_full_width_version_1_5_card()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.DiagnosisAsync(), Names);

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
        var header = CardQuery.Body(card)[0];
        Assert.Equal("TextBlock", (string?)header["type"]);
        Assert.Equal("Bolder", (string?)header["weight"]);
        Assert.Equal("Large", (string?)header["size"]);
        Assert.Equal(DiagnosisMessageBuilder.Title(await SeedReport()), (string?)header["text"]);
        Assert.True(AdaptiveCardRenderer.SizeOf(card) <= AdaptiveCardRenderer.MaxCardBytes);
    }

    [Fact]
    public async Task The_seed_fix_is_a_code_block_holding_the_yaml_as_written()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.DiagnosisAsync(), Names);

        var block = Assert.Single(CardQuery.OfType(card, "CodeBlock"));
        Assert.Equal((await SeedReport()).Fix!.Yaml.TrimEnd('\n'), (string?)block["codeSnippet"]);
        Assert.Equal("PlainText", (string?)block["language"]);
        Assert.Equal("Monospace", (string?)block["fallback"]?["fontType"]);
    }

    [Fact]
    public async Task The_code_block_falls_back_to_monospace_lines()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.DiagnosisAsync(), Names);

        Assert.Contains("rb:hello", CardQuery.Text(card), Ord);
        var code = Assert.Single(
            CardQuery.OfType(card, "TextBlock"), b => (string?)b["fontType"] == "Monospace");
        Assert.True((bool)code["wrap"]!);
        var lines = ((string)code["text"]!).Split(MarkdownWriterLineBreak);
        var fix = (await SeedReport()).Fix!.Yaml.TrimEnd('\n').Split('\n');
        Assert.Equal(fix.Length, lines.Length);
        Assert.Equal("apiVersion: rbac.authorization.k8s.io/v1", lines[0]);
        Assert.Contains(lines, line => line.Contains("rb:hello", Ord));
        for (var i = 0; i < fix.Length; i++)
        {
            // Leading spaces become no-break spaces so Teams keeps the indentation.
            var indent = fix[i].Length - fix[i].TrimStart(' ').Length;
            Assert.Equal(new string('\u00A0', indent), lines[i][..indent]);
        }
    }

    [Fact]
    public async Task Request_access_is_an_Action_Execute_carrying_the_slack_ids()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.DiagnosisAsync(), Names);

        var request = CardQuery.TopExecute(card, SlackActionIds.RequestAccess);
        Assert.Equal("Request access", (string?)request["title"]);
        Assert.Equal("positive", (string?)request["style"]);
        var data = request["data"]!.AsObject();
        Assert.Equal(SlackActionIds.RequestAccess, (string?)data["action_id"]);
        Assert.Equal(SlackActionIds.RequestBlockPrefix + SeedMessages.DiagnosisId, (string?)data["block_id"]);
        Assert.Equal(SeedMessages.DiagnosisId, (string?)data["value"]);
        Assert.Equal("Action.Submit", (string?)request["fallback"]!["type"]);
        Assert.True(JsonNode.DeepEquals(data, request["fallback"]!["data"]));
    }

    [Fact]
    public async Task The_identity_menu_is_a_compact_ChoiceSet_with_a_button()
    {
        var message = await SeedMessages.DiagnosisAsync();
        var slackMenu = message.Blocks!.OfType<JsonObject>()
            .Single(b => ((string?)b["block_id"])?.StartsWith(SlackActionIds.IdentityBlockPrefix, Ord)
                         == true);
        var slackOptions = slackMenu["elements"]![0]!["options"]!.AsArray();

        var card = AdaptiveCardRenderer.Render(message, Names);

        var choices = Assert.Single(CardQuery.OfType(card, "Input.ChoiceSet"));
        Assert.Equal("compact", (string?)choices["style"]);
        Assert.Equal("Choose another identity", (string?)choices["placeholder"]);
        Assert.Equal(
            slackOptions.Select(o => (string?)o!["value"]),
            choices["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.All(choices["choices"]!.AsArray(),
            c => Assert.False(string.IsNullOrEmpty((string?)c!["title"])));

        var use = CardQuery.TopExecute(card, SlackActionIds.ChooseIdentity);
        Assert.Equal((string?)choices["id"], (string?)use["data"]!["input_id"]);
        Assert.Equal((string?)slackMenu["block_id"], (string?)use["data"]!["block_id"]);
        var body = CardQuery.Body(card);
        Assert.True(body.IndexOf(choices) < body.FindIndex(e => CardQuery.All(e).Contains(use)),
            "the menu comes before its button");
    }

    [Fact]
    public async Task Approve_and_deny_sit_behind_ShowCard_confirmations()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.ApprovalAsync(), Names);

        var shows = CardQuery.OfType(card, "Action.ShowCard");
        Assert.Equal(["Approve", "Deny"], shows.Select(s => (string?)s["title"]));
        Assert.Equal(["positive", "destructive"], shows.Select(s => (string?)s["style"]));
        foreach (var (show, verb, question) in new[]
                 {
                     (shows[0], SlackActionIds.Approve, "Approve this access?"),
                     (shows[1], SlackActionIds.Deny, "Deny this access?"),
                 })
        {
            var inner = show["card"]!.AsObject();
            Assert.Equal("AdaptiveCard", (string?)inner["type"]);
            Assert.Contains(question, CardQuery.Text(inner), Ord);
            var execute = Assert.Single(inner["actions"]!.AsArray())!.AsObject();
            Assert.Equal("Action.Execute", (string?)execute["type"]);
            Assert.Equal(verb, (string?)execute["verb"]);
            Assert.Equal((string?)show["title"], (string?)execute["title"]);
            Assert.Equal(SeedMessages.DiagnosisId, (string?)execute["data"]!["value"]);
            Assert.Equal(SlackActionIds.DecisionBlockPrefix + SeedMessages.DiagnosisId,
                (string?)execute["data"]!["block_id"]);
        }

        Assert.DoesNotContain(CardQuery.Body(card).Where(e => (string?)e["type"] == "ActionSet")
                .SelectMany(set => set["actions"]!.AsArray()),
            action => (string?)action!["type"] == "Action.Execute");
    }

    [Fact]
    public async Task The_approval_names_the_requester_and_links_the_pull_request()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.ApprovalAsync(), Names);

        var text = CardQuery.Text(card);
        Assert.Contains("Dana Dev", text, Ord);
        Assert.DoesNotContain(SeedMessages.Requester, text, Ord);
        Assert.DoesNotContain("<at>", text, Ord);
        Assert.Contains($"[pull request \\#7]({SeedMessages.PullRequestUrl})", text, Ord);
        Assert.Contains("**Requested by**", text, Ord);
    }

    [Fact]
    public async Task An_unknown_requester_is_shown_by_id()
    {
        var card = AdaptiveCardRenderer.Render(await SeedMessages.ApprovalAsync(), _ => null);

        Assert.Contains(SeedMessages.Requester, CardQuery.Text(card), Ord);
    }

    [Fact]
    public void A_divider_puts_a_separator_on_the_next_element()
    {
        var message = new SlackMessage("x", new JsonArray(
            BlockKit.Section("one"), BlockKit.Divider(), BlockKit.Context("two"), BlockKit.Divider()));

        var body = CardQuery.Body(AdaptiveCardRenderer.Render(message, Names));

        Assert.Equal(2, body.Count);
        Assert.Null(body[0]["separator"]);
        Assert.True((bool)body[1]["separator"]!);
        Assert.Equal("Small", (string?)body[1]["size"]);
        Assert.True((bool)body[1]["isSubtle"]!);
    }

    [Fact]
    public void A_text_only_message_becomes_a_card_of_its_text()
    {
        var card = AdaptiveCardRenderer.Render(
            new SlackMessage("Hello *there* &lt;world&gt;\n```\nkind: Role\n  x: *\n```"), Names);

        var body = CardQuery.Body(card);
        Assert.Equal("Hello **there** \\<world\\>", (string?)body[0]["text"]);
        Assert.Equal("kind: Role\n  x: *", (string?)body[1]["codeSnippet"]);
        Assert.Equal("Monospace", (string?)body[1]["fallback"]?["fontType"]);
        Assert.Equal("kind: Role\n\n\u00A0\u00A0x: \\*", (string?)body[1]["fallback"]?["text"]);
    }

    [Fact]
    public void Buttons_without_confirmation_map_their_style_and_a_link_button_opens_the_url()
    {
        var link = BlockKit.Button("open", "Docs", "v");
        link["url"] = "https://docs.example/rbac";
        var message = new SlackMessage("x", new JsonArray(BlockKit.Actions("b1",
            BlockKit.Button("a1", "Go", "v1", "danger"), BlockKit.Button("a2", "Plain", "v2"), link)));

        var card = AdaptiveCardRenderer.Render(message, Names);

        Assert.Equal("destructive", (string?)CardQuery.TopExecute(card, "a1")["style"]);
        Assert.Null(CardQuery.TopExecute(card, "a2")["style"]);
        var open = Assert.Single(CardQuery.OfType(card, "Action.OpenUrl"));
        Assert.Equal("https://docs.example/rbac", (string?)open["url"]);
    }

    [Theory]
    [InlineData("[1, \"x\", null, true]")]
    [InlineData("[{\"type\": 5}, {\"type\": \"image\", \"image_url\": \"https://x\"}, {}]")]
    [InlineData("[{\"type\": \"section\", \"text\": 7}, {\"type\": \"section\", \"text\": {\"text\": [1]}}]")]
    [InlineData("[{\"type\": \"actions\", \"elements\": \"no\"}, "
                + "{\"type\": \"actions\", \"elements\": [1, {}]}]")]
    [InlineData("[{\"type\": \"actions\", \"elements\": [{\"type\": \"button\", \"text\": 3}]}]")]
    [InlineData("[{\"type\": \"actions\", \"elements\": "
                + "[{\"type\": \"static_select\", \"action_id\": \"s\"}]}]")]
    [InlineData("[{\"type\": \"context\", \"elements\": [{\"type\": \"image\"}, \"text\"]}]")]
    [InlineData("[{\"type\": \"header\", \"text\": {\"type\": \"plain_text\", \"text\": null}}]")]
    [InlineData("[{\"type\": \"actions\", \"elements\": [{\"type\": \"button\", \"action_id\": \"a\", "
                + "\"text\": {\"text\": \"t\"}, \"confirm\": {\"title\": 1, \"text\": {}}}]}]")]
    public void Odd_block_json_never_throws_and_falls_back_to_the_text(string blocks)
    {
        var message = new SlackMessage("fallback *text*", JsonNode.Parse(blocks)!.AsArray());

        var card = AdaptiveCardRenderer.Render(message, Names);

        Assert.NotEmpty(CardQuery.Body(card));
        JsonDocument.Parse(card.ToJsonString()).Dispose();
    }

    [Fact]
    public void Unknown_blocks_are_skipped_and_known_ones_kept()
    {
        var message = new SlackMessage("x", new JsonArray(
            new JsonObject { ["type"] = "rich_text" },
            BlockKit.Section("kept"),
            new JsonObject { ["type"] = "input" }));

        var body = CardQuery.Body(AdaptiveCardRenderer.Render(message, Names));

        Assert.Equal("kept", (string?)Assert.Single(body)["text"]);
    }

    [Fact]
    public async Task Hostile_text_in_a_diagnosis_forges_no_link_mention_or_markup()
    {
        const string Hostile = "<@U0ADMIN> <!channel> [click](https://evil.example) <at>Boss</at> "
                               + "**x** # title <b>y</b> &amp;lt;";
        var report = await SeedReport();
        var hostile = report with
        {
            Cause = new ChatOpsBot.Core.Diagnosis.Cause(report.Cause.Code, Hostile),
            Fix = report.Fix! with
            {
                Summary = Hostile, Yaml = "a: " + Hostile + "\n[x](https://evil.example)",
            },
        };
        var message = DiagnosisMessageBuilder.Build(
            hostile, SeedMessages.DiagnosisId, IdentityHintSource.None);

        var card = AdaptiveCardRenderer.Render(message, _ => "Admin Person");

        var text = CardQuery.Text(card);
        Assert.DoesNotContain("](", text, Ord);
        Assert.DoesNotMatch(@"(?<!\\)<", text);
        Assert.Contains("\\<at\\>Boss", text, Ord);
        Assert.DoesNotContain("Admin Person", text, Ord);
        Assert.Contains("\\[click\\]\\(https://evil.example)", text, Ord);
        Assert.Contains("\\&amp;lt;", text, Ord);
        Assert.Empty(CardQuery.OfType(card, "Action.OpenUrl"));
    }

    [Fact]
    public void A_huge_message_is_cut_to_the_size_limit_and_stays_valid_json()
    {
        var blocks = new JsonArray();
        for (var i = 0; i < 45; i++)
        {
            blocks.Add(BlockKit.Section(new string('é', 2900)));
            var yaml = string.Join('\n', Enumerable.Repeat("  - \"*\" <x>", 300));
            blocks.Add(BlockKit.Section("```\n" + yaml + "\n```"));
        }

        blocks.Add(BlockKit.Actions("b", BlockKit.Button("a", "Go", "v", "primary")));
        var card = AdaptiveCardRenderer.Render(new SlackMessage("big", blocks), Names);

        Assert.True(AdaptiveCardRenderer.SizeOf(card) <= AdaptiveCardRenderer.MaxCardBytes);
        Assert.Equal("AdaptiveCard", (string?)JsonNode.Parse(card.ToJsonString())!["type"]);
        Assert.Contains("cut to fit in Teams", CardQuery.Text(card), Ord);
        Assert.Single(CardQuery.OfType(card, "Action.Execute"), a => (string?)a["verb"] == "a");
    }

    [Fact]
    public void One_long_text_is_cut_with_an_ellipsis_and_the_rest_is_kept()
    {
        var message = new SlackMessage("x", new JsonArray(
            BlockKit.Header("Title"),
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string('a', 100_000) },
            },
            BlockKit.Actions("b", BlockKit.Button("a", "Go", "v"))));

        var card = AdaptiveCardRenderer.Render(message, Names);

        Assert.True(AdaptiveCardRenderer.SizeOf(card) <= AdaptiveCardRenderer.MaxCardBytes);
        var body = CardQuery.Body(card);
        Assert.Equal("Title", (string?)body[0]["text"]);
        Assert.EndsWith("…", (string?)body[1]["text"], Ord);
        Assert.Equal("ActionSet", (string?)body[2]["type"]);
    }

    [Fact]
    public void Buttons_whose_ids_or_values_could_not_come_back_are_left_out()
    {
        var message = new SlackMessage("x", new JsonArray(new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "b",
            ["elements"] = new JsonArray(
                new JsonObject { ["type"] = "button", ["action_id"] = new string('a', 300), ["value"] = "v" },
                new JsonObject
                {
                    ["type"] = "button", ["action_id"] = "ok", ["value"] = new string('v', 5000),
                },
                new JsonObject { ["type"] = "button", ["action_id"] = "fine", ["value"] = "v" }),
        }));

        var card = AdaptiveCardRenderer.Render(message, Names);

        var execute = Assert.Single(CardQuery.OfType(card, "Action.Execute"));
        Assert.Equal("fine", (string?)execute["verb"]);
    }

    private const string MarkdownWriterLineBreak = "\n\n";

    private static Task<ChatOpsBot.Core.Diagnosis.DiagnosisReport> SeedReport() => SeedMessages.ReportAsync();
}
