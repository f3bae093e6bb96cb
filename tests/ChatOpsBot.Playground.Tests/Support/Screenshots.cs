using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatOpsBot.Playground.Tests.Support;

/// <summary>
/// Numbered screenshots of a test, under TestResults/playground-screenshots/ of the test output.
/// </summary>
internal sealed class Screenshots
{
    private readonly IPage _page;
    private int _count;

    public Screenshots(IPage page, string testName, ITestOutputHelper output)
    {
        _page = page;
        Folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "playground-screenshots", testName);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
        output.WriteLine($"Screenshots: {Folder}");
        Console.WriteLine($"Playground screenshots: {Folder}");
    }

    public string Folder { get; }

    public async Task TakeAsync(string step)
    {
        _count++;
        await _page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Folder, $"{_count:D2}-{step}.png"),
            FullPage = true,
        });
    }
}
