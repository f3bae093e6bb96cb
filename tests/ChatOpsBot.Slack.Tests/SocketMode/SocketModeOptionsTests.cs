using ChatOpsBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>Socket Mode settings and registration.</summary>
public sealed class SocketModeOptionsTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("xapp-1-A1-2-abc", true)]
    [InlineData("xoxb-123", false)]
    public void EnabledOnlyByAnAppToken(string token, bool enabled)
    {
        Assert.Equal(enabled, new SocketModeOptions { AppToken = token }.IsEnabled);
    }

    [Fact]
    public void BotTokenInPlaceOfTheAppTokenFailsWithoutEchoingIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSlackSocketMode(o => o.AppToken = "xoxb-999-SECRET");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<SocketModeClient>());

        Assert.Contains("xapp-", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDelaysAndLimitsAreRefused()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSlackSocketMode(o =>
        {
            o.AppToken = "xapp-1";
            o.AckDeadline = TimeSpan.Zero;
            o.MaxConcurrentEnvelopes = 0;
            o.ApiBaseUrl = new Uri("file:///tmp/");
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<SocketModeClient>());

        Assert.Contains("AckDeadline", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentEnvelopes", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApiBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindsFromConfigurationAndRegistersOneHostedService()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SocketMode:AppToken"] = "xapp-1-cfg",
            ["Slack:SocketMode:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Slack:SocketMode:AckDeadline"] = "00:00:01.500",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSlackSocketMode(configuration.GetSection("Slack:SocketMode"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SocketModeOptions>>().Value;
        var hosted = Assert.Single(provider.GetServices<IHostedService>());

        Assert.True(options.IsEnabled);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.AckDeadline);
        Assert.Same(provider.GetRequiredService<SocketModeClient>(), hosted);
    }
}
