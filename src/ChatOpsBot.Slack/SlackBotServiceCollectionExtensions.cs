using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack;

/// <summary>Registers the whole Slack bot from the one <c>Slack</c> configuration section.</summary>
public static class SlackBotServiceCollectionExtensions
{
    /// <summary>The section of the Web API client's retries and limits.</summary>
    public const string WebApiSectionName = "Slack:WebApi";

    /// <summary>The section of the Socket Mode client's timeouts and limits.</summary>
    public const string SocketModeSectionName = "Slack:SocketMode";

    /// <summary>
    /// The inbound side (endpoints' handler, queue, store), the Web API client and the Socket
    /// Mode client (which runs only when an app-level token is set), all configured from
    /// <see cref="SlackOptions"/> after its <c>*File</c> secrets are read; the clients' tuning
    /// from <c>Slack:WebApi</c> and <c>Slack:SocketMode</c>.
    /// </summary>
    public static IServiceCollection AddSlackBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSlackFrontEnd(configuration);

        // The tuning comes from Slack:WebApi and Slack:SocketMode; the token and the address
        // always come from the Slack section itself, set after the binding so they win.
        services.AddSlackWebApi(configuration.GetSection(WebApiSectionName));
        services.AddOptions<SlackWebApiOptions>().Configure<IOptions<SlackOptions>>((options, slack) =>
        {
            options.BotToken = slack.Value.BotToken ?? "";
            if (Uri.TryCreate(slack.Value.ApiBaseUrl, UriKind.Absolute, out var baseUrl))
            {
                options.BaseUrl = baseUrl;
            }
        });

        services.AddSlackSocketMode(configuration.GetSection(SocketModeSectionName));
        services.AddOptions<SocketModeOptions>().Configure<IOptions<SlackOptions>>((options, slack) =>
        {
            options.AppToken = slack.Value.AppToken ?? "";
            if (Uri.TryCreate(slack.Value.ApiBaseUrl, UriKind.Absolute, out var baseUrl))
            {
                options.ApiBaseUrl = baseUrl;
            }
        });
        return services;
    }
}
