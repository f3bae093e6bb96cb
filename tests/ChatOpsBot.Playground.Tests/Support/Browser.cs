using Microsoft.Playwright;

namespace ChatOpsBot.Playground.Tests.Support;

/// <summary>
/// The Debian <c>chromium</c> package driven by Playwright, headless and with its background
/// services off. Playwright's own browser download is never used.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Instance = browser;
    }

    public IBrowser Instance { get; }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is missing: {ChromiumPath} does not exist. Install the Debian package with "
                        + "`apt-get update && apt-get install -y chromium` (the browser tests need it).");
        }

        // Expect's 5 s default is too short for a page that polls a bot on a loaded two-core
        // machine; expectations retry, so a passing one does not wait longer for it.
        Assertions.SetDefaultExpectTimeout(30_000);

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--headless",
            ],
        });
        return new Browser(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright.Dispose();
    }
}
