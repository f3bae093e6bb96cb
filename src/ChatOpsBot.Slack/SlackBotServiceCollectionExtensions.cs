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
    /// <summary>
    /// The inbound side (endpoints' handler, queue, store), the Web API client and the Socket
    /// Mode client (which runs only when an app-level token is set), all configured from
    /// <see cref="SlackOptions"/> after its <c>*File</c> secrets are read.
    /// </summary>
    public static IServiceCollection AddSlackBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSlackFrontEnd(configuration);

        services.AddSlackWebApi(_ => { });
        services.AddOptions<SlackWebApiOptions>().Configure<IOptions<SlackOptions>>((options, slack) =>
        {
            options.BotToken = slack.Value.BotToken ?? "";
            if (Uri.TryCreate(slack.Value.ApiBaseUrl, UriKind.Absolute, out var baseUrl))
            {
                options.BaseUrl = baseUrl;
            }
        });

        services.AddSlackSocketMode(_ => { });
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
