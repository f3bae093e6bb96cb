using System.Net;
using ChatOpsBot.Tests.Slack;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// The request line for paths no endpoint serves: no query string, a bounded length, and no
/// control characters a decoded path could carry into plain-text logs.
/// </summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Unmatched_path_is_logged_bounded_without_query_or_control_characters()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var query = $"token=secret-{Guid.NewGuid():N}";
        var path = "/nothing%0Aforged-line/" + new string('a', 500);

        using var response = await bot.Client.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = await WaitForLineAsync(bot, "answered 404");
        Assert.StartsWith(
            "Information ChatOpsBot.Telemetry.RequestLogMiddleware", line, StringComparison.Ordinal);
        Assert.Contains("/nothing?forged-line/", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 201), line, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForLineAsync(RunningBot bot, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var line = bot.Logs.Lines.FirstOrDefault(
                candidate => candidate.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no log line with '{text}'");
            await Task.Delay(20);
        }
    }
}
