using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>Registers the Slack Web API client (<see cref="ISlackWebApi"/>) and its resilience.</summary>
public static class SlackWebApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISlackWebApi"/> as <see cref="SlackWebApiClient"/>, configured by
    /// <paramref name="configure"/>. Returns the HttpClient builder so a host can add handlers.
    /// </summary>
    public static IHttpClientBuilder AddSlackWebApi(
        this IServiceCollection services, Action<SlackWebApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SlackWebApiOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="ISlackWebApi"/> with settings bound from <paramref name="section"/>
    /// (keys named as the <see cref="SlackWebApiOptions"/> properties, for example
    /// <c>BotToken</c>, <c>BaseUrl</c>, <c>MaxRetryAttempts</c>, <c>AttemptTimeout</c>).
    /// </summary>
    public static IHttpClientBuilder AddSlackWebApi(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        services.AddOptions<SlackWebApiOptions>().Bind(section);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SlackWebApiOptions>, SlackWebApiOptionsValidator>());

        var builder = services
            .AddHttpClient<ISlackWebApi, SlackWebApiClient>(client =>
            {
                // The resilience pipeline owns time limits; HttpClient's own 100 s would cut it short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })

            // The factory's default logging writes request URLs, and a response_url is a credential.
            .RemoveAllLoggers();

        builder.AddResilienceHandler(SlackWebApiResilience.PipelineName, static (pipeline, context) =>
        {
            var provider = context.ServiceProvider;
            var options = provider.GetRequiredService<IOptions<SlackWebApiOptions>>().Value;
            var time = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<SlackWebApiClient>();
            SlackWebApiResilience.Configure(pipeline, options, time, logger);
        });

        return builder;
    }
}
