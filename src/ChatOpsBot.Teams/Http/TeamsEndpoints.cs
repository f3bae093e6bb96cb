using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Teams.Auth;
using ChatOpsBot.Teams.Configuration;
using ChatOpsBot.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Http;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>The conventional messaging endpoint path of a Bot Framework bot.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// Maps <c>POST /api/messages</c>: token checked (401), body size-capped (413) and parsed
    /// (400), token bound to the activity's service URL (401), then <c>message</c> and
    /// <c>invoke</c> activities go to <see cref="ITeamsActivityHandler"/> (an invoke is answered
    /// with the handler's invoke response); every other activity type is acknowledged with 200.
    /// </summary>
    public static IEndpointConventionBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(MessagesPath, TeamsMessagesEndpoint.HandleAsync);
    }
}

/// <summary>The pipeline behind <c>POST /api/messages</c>.</summary>
internal static partial class TeamsMessagesEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOpsBot.Teams.Http");
        var remote = context.Connection.RemoteIpAddress?.ToString();

        // The token first: an unauthenticated caller gets nothing parsed on its behalf.
        var validator = services.GetRequiredService<BotFrameworkTokenValidator>();
        var token = await validator.ValidateTokenAsync(
            context.Request.Headers.Authorization.ToString(), context.RequestAborted).ConfigureAwait(false);
        if (!token.IsValid)
        {
            Refuse(context, logger, token.Refusal, remote);
            return;
        }

        var body = await TeamsRequestBody.ReadAsync(
            context.Request, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            LogTooLarge(logger, options.MaxRequestBodyBytes, remote);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        TeamsActivity activity;
        try
        {
            activity = TeamsActivityParser.Parse(body);
        }
        catch (InvalidTeamsActivityException ex)
        {
            LogInvalidActivity(logger, ex.Message, remote);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var bound = token.CheckActivity(activity.ServiceUrl, activity.ChannelId);
        if (!bound.IsValid)
        {
            Refuse(context, logger, bound.Refusal, remote);
            return;
        }

        var handler = services.GetRequiredService<ITeamsActivityHandler>();
        try
        {
            await DispatchAsync(context, handler, activity, logger).ConfigureAwait(false);
        }
        catch (SlackBusyException)
        {
            // The work queue is full: the Bot Connector may retry later.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    private static async Task DispatchAsync(
        HttpContext context, ITeamsActivityHandler handler, TeamsActivity activity, ILogger logger)
    {
        switch (activity.Type)
        {
            case "message":
                await handler.HandleMessageAsync(activity, context.RequestAborted).ConfigureAwait(false);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case "invoke":
                // The invoke response travels in this HTTP answer; Teams waits for it.
                var answer = await handler.HandleInvokeAsync(activity, context.RequestAborted)
                    .ConfigureAwait(false);
                context.Response.StatusCode = StatusCodes.Status200OK;
                if (answer is not null)
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted)
                        .ConfigureAwait(false);
                }

                return;
            default:
                LogIgnored(logger, activity.Type);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }
    }

    private static void Refuse(HttpContext context, ILogger logger, TokenRefusal refusal, string? remote)
    {
        // The reason goes to the log only; the caller learns nothing, and the body is never logged.
        LogUnauthorized(logger, refusal, remote);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Teams activity refused with 401: {Refusal} (from {RemoteAddress})")]
    private static partial void LogUnauthorized(ILogger logger, TokenRefusal refusal, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Teams activity refused with 413: larger than {MaxBytes} bytes (from {RemoteAddress})")]
    private static partial void LogTooLarge(ILogger logger, int maxBytes, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Teams activity refused with 400: {Problem} (from {RemoteAddress})")]
    private static partial void LogInvalidActivity(ILogger logger, string problem, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Teams activity of type {ActivityType} acknowledged, not handled")]
    private static partial void LogIgnored(ILogger logger, string activityType);
}
