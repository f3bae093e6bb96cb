using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatOpsBot.Playground.Tests.Support;

/// <summary>
/// What every browser test starts from: a <see cref="PlaygroundBot"/>, Chromium, and one page
/// open on the bot's playground. Disposing closes the browser, then stops the bot.
/// </summary>
internal sealed class PlaygroundPage : IAsyncDisposable
{
    private readonly Browser _browser;

    private PlaygroundPage(PlaygroundBot bot, Browser browser, IPage page)
    {
        Bot = bot;
        _browser = browser;
        Page = page;
    }

    /// <summary>A viewport wide enough for both channels side by side in screenshots.</summary>
    public static BrowserNewPageOptions Wide => new() { ViewportSize = new() { Width = 1400, Height = 900 } };

    public PlaygroundBot Bot { get; }

    public IPage Page { get; }

    public static async Task<PlaygroundPage> OpenAsync(BrowserNewPageOptions? options = null)
    {
        var bot = await PlaygroundBot.StartAsync();
        Browser? browser = null;
        try
        {
            browser = await Browser.LaunchAsync();
            var page = await browser.Instance.NewPageAsync(options);
            await page.GotoAsync(bot.Address.AbsoluteUri);
            return new PlaygroundPage(bot, browser, page);
        }
        catch
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }

            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Posts <paramref name="blocks"/> to the team channel through the same
    /// <see cref="ISlackWebApi"/> the bot uses.
    /// </summary>
    public Task PostAsBotAsync(JsonArray blocks) =>
        Bot.App.Services.GetRequiredService<ISlackWebApi>().PostMessageAsync(
            "C0PLAYTEAM", new SlackMessage("fallback", blocks), null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await Bot.DisposeAsync();
    }
}
