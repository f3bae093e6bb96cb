using System.Text.Json.Nodes;
using ChatOpsBot.Playground.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static ChatOpsBot.Playground.Tests.Support.SlackBlocks;
using static ChatOpsBot.Playground.Tests.Support.Waits;

namespace ChatOpsBot.Playground.Tests;

/// <summary>
/// The page's rendering in a real browser: Block Kit and mrkdwn shown as Slack would, hostile
/// text never becoming markup, ephemeral messages only for their reader, slash commands, and
/// select menus whose answer replaces the original message.
/// </summary>
public sealed class PlaygroundPageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bot_blocks_render_mrkdwn_and_hostile_text_stays_text()
    {
        await using var playground = await PlaygroundPage.OpenAsync();
        var page = playground.Page;

        // Posted through the same ISlackWebApi the bot uses: mrkdwn Slack-escaped, plain_text as is.
        var blocks = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = Plain("Header <b>plain</b>") },
            Section("*Bold* and `x &lt; y` and _slanted_ and ~gone~ "
                    + "&amp;lt;img src=x onerror=window.__pwned=1&amp;gt;"),
            Section("<https://example.test/docs|the docs> <javascript:window.__pwned=1|evil> <@U0PLAYADM>"),
            Section("```kind: &lt;Role&gt;\n<script>window.__pwned=1</script>```"),
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(
                    new JsonObject { ["type"] = "mrkdwn", ["text"] = "context *note*" }),
            });
        await playground.PostAsBotAsync(blocks);

        var message = page.Locator("#team-channel .message.bot");
        await message.WaitForAsync(Long);
        await Assertions.Expect(message.Locator(".block-header")).ToHaveTextAsync("Header <b>plain</b>");
        Assert.Equal(0, await message.Locator(".block-header b").CountAsync());
        await Assertions.Expect(message.Locator("strong").First).ToHaveTextAsync("Bold");
        await Assertions.Expect(message.Locator("code").First).ToHaveTextAsync("x < y");
        await Assertions.Expect(message.Locator("em")).ToHaveTextAsync("slanted");
        await Assertions.Expect(message.Locator("s")).ToHaveTextAsync("gone");
        await Assertions.Expect(message.Locator("pre")).ToContainTextAsync("kind: <Role>");
        await Assertions.Expect(message.Locator("pre")).ToContainTextAsync("<script>window.__pwned=1</script>");
        await Assertions.Expect(message.Locator(".block-context strong")).ToHaveTextAsync("note");
        await Assertions.Expect(message.Locator(".mention")).ToHaveTextAsync("@admin");

        var link = message.Locator("a");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "https://example.test/docs");
        await Assertions.Expect(link).ToHaveTextAsync("the docs");
        await Assertions.Expect(message).ToContainTextAsync("evil");
        await Assertions.Expect(message).ToContainTextAsync("&lt;img src=x onerror=window.__pwned=1&gt;");
        Assert.Equal(0, await page.Locator("#team-channel img, #team-channel script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
    }

    [Fact]
    public async Task Pasted_markup_is_shown_as_typed()
    {
        await using var playground = await PlaygroundPage.OpenAsync();
        var page = playground.Page;

        const string Typed = "<img src=x onerror=\"window.__pwned=1\"> a & b <https://example.test|x>";
        await page.Locator("#composer").FillAsync(Typed);
        await page.Locator("#send").ClickAsync();

        var mine = page.Locator("#team-channel .message").Filter(new() { HasText = "a & b" });
        await mine.WaitForAsync(Long);
        await Assertions.Expect(mine.Locator(".mrkdwn")).ToHaveTextAsync(Typed);
        Assert.Equal(0, await mine.Locator("img, a").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
    }

    [Fact]
    public async Task Slash_command_answers_only_the_role_that_typed_it()
    {
        await using var playground = await PlaygroundPage.OpenAsync();
        var page = playground.Page;
        var shots = new Screenshots(page, nameof(Slash_command_answers_only_the_role_that_typed_it), output);

        await page.Locator("#composer").FillAsync("/k8s-access exec hello");
        await page.Locator("#send").ClickAsync();
        var ephemeral = page.Locator("#team-channel .message.ephemeral.bot");

        // The immediate acknowledgement, then the answer through the response_url.
        await ephemeral.Filter(new() { HasText = "Checking" }).WaitForAsync(Long);
        await Assertions.Expect(ephemeral).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await shots.TakeAsync("developer");

        await page.Locator("#role-admin").ClickAsync();
        await Assertions.Expect(page.Locator("#role-admin")).ToHaveAttributeAsync("aria-pressed", "true");
        await Task.Delay(1500);
        await Assertions.Expect(page.Locator("#team-channel .message")).ToHaveCountAsync(0);
        await shots.TakeAsync("admin");

        await page.Locator("#role-developer").ClickAsync();
        await Assertions.Expect(ephemeral).ToHaveCountAsync(2, new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Choosing_an_identity_replaces_the_diagnosis()
    {
        await using var playground = await PlaygroundPage.OpenAsync();
        var page = playground.Page;

        await page.Locator("#composer").FillAsync(PlaygroundBot.SeedError);
        await page.Locator("#send").ClickAsync();
        var replies = page.Locator("#team-channel .thread .message.bot");
        var diagnosis = replies.Filter(new() { HasText = "rb:hello" });
        await diagnosis.WaitForAsync(Long);

        var select = diagnosis.Locator("select");
        var values = await select.Locator("option:not([disabled])")
            .EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.NotEmpty(values);
        await select.SelectOptionAsync(values[^1]);

        // The answer replaces the message the menu was in (replace_original on the response_url).
        await replies.Filter(new() { HasText = "(edited)" }).WaitForAsync(Long);
        Assert.Equal(1, await replies.CountAsync());
    }
}
