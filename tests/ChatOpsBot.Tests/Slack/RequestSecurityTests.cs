using System.Net;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// Requests the bot must refuse before doing anything: unsigned or replayed ones (401) and
/// signed ones whose body cannot be read (400). None may reach the engine or Slack.
/// </summary>
public sealed class RequestSecurityTests
{
    private static string SeedEvent => SlackPayloads.Message(
        "Ev0REFUSE01", SeedError.Text, "C0HELLO01", "1712345678.000100", "U0DEV0001");

    public static TheoryData<string, HttpStatusCode> Refusals => new()
    {
        { "signed with another secret", HttpStatusCode.Unauthorized },
        { "signed six minutes ago", HttpStatusCode.Unauthorized },
        { "truncated JSON body", HttpStatusCode.BadRequest },
        { "interaction payload that is not JSON", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_request_gets_its_status_and_reaches_nothing(
        string kind, HttpStatusCode expected)
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);

        using var response = await bot.SendAsync(Build(kind));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        // The refusal is logged without the body, which is unauthenticated or unreadable.
        Assert.DoesNotContain(bot.Logs.Lines,
            line => line.Contains("hello-beta1", StringComparison.Ordinal));
        await bot.DrainAsync();
        Assert.Empty(bot.CallsBesidesDrain);
    }

    private static HttpRequestMessage Build(string kind)
    {
        switch (kind)
        {
            case "signed with another secret":
                return SignedRequests.Signed("/slack/events", SeedEvent, SignedRequests.JsonType,
                    secret: "not-the-" + RunningBot.SigningSecret);
            case "signed six minutes ago":
                return SignedRequests.Signed("/slack/events", SeedEvent, SignedRequests.JsonType,
                    signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));
            case "truncated JSON body":
                return SignedRequests.Event(SeedEvent[..(SeedEvent.Length / 2)]);
            default:
                return SignedRequests.Interaction("Request access for kubectl exec hello-beta1, please");
        }
    }
}
