using System.Text.Json.Nodes;
using ChatOpsBot.Playground.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static ChatOpsBot.Playground.Tests.Support.SlackBlocks;
using static ChatOpsBot.Playground.Tests.Support.Waits;

namespace ChatOpsBot.Playground.Tests;

/// <summary>
/// The page's Teams view in a real browser: the bot's messages drawn as the Adaptive Cards the
/// Teams front end would send, and card buttons driving the same flow as Slack's.
/// </summary>
public sealed class PlaygroundTeamsViewTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_teams_view_shows_the_diagnosis_card_and_its_buttons_work()
    {
        await using var playground = await PlaygroundPage.OpenAsync(PlaygroundPage.Wide);
        var (bot, page) = (playground.Bot, playground.Page);
        var shots = new Screenshots(
            page, nameof(The_teams_view_shows_the_diagnosis_card_and_its_buttons_work), output);
        var team = page.Locator("#team-channel");

        await page.Locator("#composer").FillAsync(PlaygroundBot.SeedError);
        await page.Locator("#send").ClickAsync();
        await team.Locator(".thread .message.bot").Filter(new() { HasText = "rb:hello" }).WaitForAsync(Long);

        // The same message, drawn as the Adaptive Card.
        await page.Locator("#view-teams").ClickAsync();
        await Assertions.Expect(page.Locator("#view-teams")).ToHaveAttributeAsync("aria-pressed", "true");
        var card = team.Locator(".thread .message.bot .ac-card").Filter(new() { HasText = "rb:hello" });
        await card.WaitForAsync(Long);
        Assert.Equal(0, await team.Locator(".block-header").CountAsync());
        await Assertions.Expect(card.Locator(".ac-large.ac-bold"))
            .ToContainTextAsync("No binding grants this access");
        var code = card.Locator(".ac-code");
        await Assertions.Expect(code).ToContainTextAsync("rb:hello");
        await Assertions.Expect(code).ToContainTextAsync("apiVersion: rbac.authorization.k8s.io/v1");
        Assert.True(await card.Locator("strong").CountAsync() >= 1, "**bold** is rendered");
        await Assertions.Expect(card.Locator("select.ac-choice")).ToHaveCountAsync(1);
        var use = card.GetByRole(AriaRole.Button, new() { Name = "Use this" });
        await Assertions.Expect(use).ToBeVisibleAsync();
        await shots.TakeAsync("teams-diagnosis");

        // Request access from the card: the approvers get the request card.
        await card.GetByRole(AriaRole.Button, new() { Name = "Request access" }).ClickAsync();
        var request = page.Locator("#approvers-channel .ac-card")
            .Filter(new() { HasText = "Access request" });
        await request.WaitForAsync(Long);
        Assert.Single(bot.Repository.PullRequests);

        // The admin opens the Approve confirmation card and approves from it.
        await page.Locator("#role-admin").ClickAsync();
        await request.WaitForAsync(Long);
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var confirm = request.Locator(".ac-inner");
        await Assertions.Expect(confirm).ToContainTextAsync("Approve this access?");
        await shots.TakeAsync("teams-confirm");
        Assert.Equal(0, bot.Repository.MergeCalls);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        var merged = team.Locator(".thread .message.bot").Filter(new() { HasText = "is merged" });
        await merged.WaitForAsync(Long);
        Assert.True(Assert.Single(bot.Repository.PullRequests).IsMerged);
        await shots.TakeAsync("teams-merged");

        // And back: the Slack view draws Block Kit again.
        await page.Locator("#view-slack").ClickAsync();
        await Assertions.Expect(team.Locator(".ac-card")).ToHaveCountAsync(0);
        Assert.True(await team.Locator(".block-header").CountAsync() >= 1);
    }

    [Fact]
    public async Task Hostile_text_stays_text_in_the_teams_view()
    {
        await using var playground = await PlaygroundPage.OpenAsync();
        var page = playground.Page;
        await page.Locator("#view-teams").ClickAsync();

        var blocks = new JsonArray(
            Section("*Bold* [forged](https://evil.test) &lt;img src=x onerror=window.pwnedByCard=1&gt; "
                    + "<https://example.test/docs|the docs> <javascript:window.pwnedByCard=1|evil>"));
        await playground.PostAsBotAsync(blocks);

        var card = page.Locator("#team-channel .ac-card");
        await card.WaitForAsync(Long);
        await Assertions.Expect(card.Locator("strong")).ToHaveTextAsync("Bold");
        await Assertions.Expect(card).ToContainTextAsync("[forged](https://evil.test)");
        await Assertions.Expect(card).ToContainTextAsync("<img src=x onerror=window.pwnedByCard=1>");
        var link = card.Locator("a");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "https://example.test/docs");
        Assert.Equal(0, await page.Locator("#team-channel img").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.pwnedByCard"));
    }
}
