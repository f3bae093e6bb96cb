using ChatOpsBot.Playground.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static ChatOpsBot.Playground.Tests.Support.Waits;

namespace ChatOpsBot.Playground.Tests;

/// <summary>
/// The whole story in a real browser: paste the seed error as the developer, get the
/// diagnosis naming rb:hello, request access, switch to the admin, approve through the
/// confirmation dialog, and see the merge and then the verification in the thread.
/// </summary>
public sealed class PlaygroundFlowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Paste_request_approve_and_merge_from_the_page()
    {
        await using var playground = await PlaygroundPage.OpenAsync(PlaygroundPage.Wide);
        var (bot, page) = (playground.Bot, playground.Page);
        var shots = new Screenshots(page, nameof(Paste_request_approve_and_merge_from_the_page), output);
        var team = page.Locator("#team-channel");
        var approvers = page.Locator("#approvers-channel");

        // The developer pastes the error; the bot answers in the thread with the fix.
        await page.Locator("#composer").FillAsync(PlaygroundBot.SeedError);
        await page.Locator("#send").ClickAsync();
        var diagnosis = team.Locator(".thread .message.bot").Filter(new() { HasText = "rb:hello" });
        await diagnosis.WaitForAsync(Long);
        Assert.Contains(
            "Group fake_company:server", await diagnosis.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await diagnosis.Locator("pre").CountAsync() >= 1, "the YAML fix is a code block");
        Assert.True(await diagnosis.Locator("strong").CountAsync() >= 1, "mrkdwn *bold* is rendered");
        await shots.TakeAsync("diagnosis");

        // Request access: the approvers' channel gets the request with Approve and Deny.
        await diagnosis.GetByRole(AriaRole.Button, new() { Name = "Request access" }).ClickAsync();
        var approveButton = page.GetByRole(AriaRole.Button, new() { Name = "Approve" });
        var request = approvers.Locator(".message.bot").Filter(new() { Has = approveButton });
        await request.WaitForAsync(Long);
        Assert.Contains("rb:hello", await request.InnerTextAsync(), StringComparison.Ordinal);
        var told = team.Locator(".message.ephemeral").Filter(new() { HasText = "Requested:" });
        await told.WaitForAsync(Long);
        await shots.TakeAsync("requested");
        Assert.Single(bot.Repository.PullRequests);

        // What the developer alone was told is not shown to the admin.
        await page.Locator("#role-admin").ClickAsync();
        await Assertions.Expect(page.Locator("#role-admin")).ToHaveAttributeAsync("aria-pressed", "true");
        await request.WaitForAsync(Long);
        await Assertions.Expect(team.Locator(".message.ephemeral").Filter(new() { HasText = "Requested:" }))
            .ToHaveCountAsync(0);
        await shots.TakeAsync("admin");

        // Cancelling the confirmation sends nothing.
        var approve = request.GetByRole(AriaRole.Button, new() { Name = "Approve" });
        await approve.ClickAsync();
        var dialog = page.Locator("#confirm-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await shots.TakeAsync("confirm");
        await page.Locator("#confirm-deny").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Task.Delay(1000);
        Assert.Equal(0, bot.Repository.MergeCalls);

        // Confirmed, the approval merges and the requester's thread says so.
        await approve.ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.Locator("#confirm-yes").ClickAsync();
        var merged = team.Locator(".thread .message.bot").Filter(new() { HasText = "is merged" });
        await merged.WaitForAsync(Long);
        Assert.True(Assert.Single(bot.Repository.PullRequests).IsMerged);
        await Assertions.Expect(request.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await shots.TakeAsync("merged");

        // The merged file reaches the cluster snapshot; verification reports the access works.
        var verified = team.Locator(".thread .message.bot")
            .Filter(new() { HasText = "exec into pods in hello now" });
        await verified.WaitForAsync(Long);
        await shots.TakeAsync("verified");
        Assert.Equal(1, bot.Repository.MergeCalls);
    }
}
