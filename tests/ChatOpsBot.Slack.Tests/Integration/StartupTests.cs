using ChatOpsBot.Slack.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Tests.Integration;

public sealed class StartupTests
{
    private const StringComparison Ord = StringComparison.Ordinal;

    [Fact]
    public async Task The_host_refuses_to_start_without_a_signing_secret_and_names_the_setting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SlackTestHost.StartAsync(s => s["Slack:SigningSecret"] = null));

        Assert.Contains("Slack:SigningSecret", ex.Message, Ord);
        Assert.DoesNotContain("xoxb-test-token-not-real", ex.Message, Ord);
    }

    [Fact]
    public async Task With_http_endpoints_off_the_routes_answer_404()
    {
        await using var host = await SlackTestHost.StartAsync(s =>
        {
            s["Slack:SigningSecret"] = null;
            s["Slack:EnableHttpEndpoints"] = "false";
        });

        using var response = await host.SendAsync(
            SlackRequests.Event(SlackPayloads.Message("Ev1", "x")));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
