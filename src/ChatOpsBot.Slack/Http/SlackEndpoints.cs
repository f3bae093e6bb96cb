using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Http;

/// <summary>Maps Slack's three HTTP endpoints.</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /slack/commands</c> (form), <c>POST /slack/events</c> (JSON) and
    /// <c>POST /slack/interactions</c> (form field <c>payload</c> holding JSON). Every request
    /// is size-capped, then signature-checked over its raw bytes, then parsed.
    /// </summary>
    public static IEndpointConventionBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/slack");
        group.MapPost("/commands",
            (HttpContext context) => SlackEndpoint.HandleAsync(context, SlackEndpoint.Kind.Command));
        group.MapPost("/events",
            (HttpContext context) => SlackEndpoint.HandleAsync(context, SlackEndpoint.Kind.Event));
        group.MapPost("/interactions",
            (HttpContext context) => SlackEndpoint.HandleAsync(context, SlackEndpoint.Kind.Interaction));
        return group;
    }
}

/// <summary>The shared pipeline of the three endpoints.</summary>
internal static partial class SlackEndpoint
{
    public enum Kind
    {
        Command,
        Event,
        Interaction,
    }

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    public static async Task HandleAsync(HttpContext context, Kind kind)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        if (!options.EnableHttpEndpoints)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Slack waits 3 seconds for the answer; the histogram shows how close the bot comes.
        var started = Stopwatch.GetTimestamp();
        try
        {
            await AnswerAsync(context, kind, options).ConfigureAwait(false);
        }
        finally
        {
            BotTelemetry.RecordChatAck(EndpointName(kind), Stopwatch.GetElapsedTime(started));
        }
    }

    private static string EndpointName(Kind kind) => kind switch
    {
        Kind.Command => "commands",
        Kind.Event => "events",
        _ => "interactions",
    };

    private static async Task AnswerAsync(HttpContext context, Kind kind, SlackOptions options)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOpsBot.Slack.Http");
        var path = context.Request.Path.Value ?? "";
        var (outcome, body) = await SlackRequestBody.ReadAsync(
            context.Request, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (outcome != SlackRequestBody.Outcome.Read)
        {
            LogBodyRefused(logger, path, outcome.ToString());
            context.Response.StatusCode = outcome == SlackRequestBody.Outcome.TooLarge
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
            return;
        }

        var verdict = services.GetRequiredService<SlackSignatureVerifier>().Verify(
            options.SigningSecret, body,
            context.Request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            context.Request.Headers[SlackSignatureVerifier.SignatureHeader].ToString());
        if (verdict != SlackSignatureResult.Valid)
        {
            // Never the body: it is unauthenticated and may hold anything.
            LogSignatureRefused(logger, path, verdict, context.Connection.RemoteIpAddress?.ToString());
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var handler = services.GetRequiredService<ISlackInboundHandler>();
        try
        {
            var reply = kind switch
            {
                Kind.Command => await HandleCommandAsync(handler, body, context).ConfigureAwait(false),
                Kind.Event => await HandleEventAsync(handler, body, context, logger).ConfigureAwait(false),
                _ => await HandleInteractionAsync(handler, body, context).ConfigureAwait(false),
            };
            await WriteAsync(context, reply).ConfigureAwait(false);
        }
        catch (InvalidSlackBodyException ex)
        {
            LogInvalidBody(logger, path, ex.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (SlackBusyException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
        }
    }

    private static Task<JsonObject?> HandleCommandAsync(
        ISlackInboundHandler handler, byte[] body, HttpContext context)
    {
        var form = SlashCommandForm.ReadForm(body) ?? throw new InvalidSlackBodyException("not a valid form");
        if (form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            // Slack checking the certificate of the command URL: nothing to run.
            return Task.FromResult<JsonObject?>(null);
        }

        var command = SlashCommandForm.ToSlashCommand(form)
                      ?? throw new InvalidSlackBodyException("command or user_id missing");
        return handler.HandleSlashCommandAsync(command, context.RequestAborted);
    }

    private static async Task<JsonObject?> HandleEventAsync(
        ISlackInboundHandler handler, byte[] body, HttpContext context, ILogger logger)
    {
        using var document = ParseObject(body);
        // The retry headers are not covered by the signature: log them only, briefly.
        var retry = context.Request.Headers["X-Slack-Retry-Num"].ToString();
        if (retry.Length > 0)
        {
            var reason = context.Request.Headers["X-Slack-Retry-Reason"].ToString();
            LogRetry(logger, retry[..Math.Min(retry.Length, 8)], reason[..Math.Min(reason.Length, 40)]);
        }

        return await handler.HandleEventAsync(document.RootElement, context.RequestAborted)
            .ConfigureAwait(false);
    }

    private static async Task<JsonObject?> HandleInteractionAsync(
        ISlackInboundHandler handler, byte[] body, HttpContext context)
    {
        var form = SlashCommandForm.ReadForm(body) ?? throw new InvalidSlackBodyException("not a valid form");
        if (!form.TryGetValue("payload", out var payload) || payload.Count != 1)
        {
            throw new InvalidSlackBodyException("payload field missing");
        }

        using var document = ParseObject(System.Text.Encoding.UTF8.GetBytes(payload.ToString()));
        return await handler.HandleInteractionAsync(document.RootElement, context.RequestAborted)
            .ConfigureAwait(false);
    }

    private static JsonDocument ParseObject(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException)
        {
            throw new InvalidSlackBodyException("not valid JSON");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            document.Dispose();
            throw new InvalidSlackBodyException("not a Slack JSON object");
        }

        return document;
    }

    private static async Task WriteAsync(HttpContext context, JsonObject? reply)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (reply is null)
        {
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Slack request to {Path} refused before reading: {Outcome}")]
    private static partial void LogBodyRefused(ILogger logger, string path, string outcome);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Slack request to {Path} refused: signature {Verdict} (from {RemoteAddress})")]
    private static partial void LogSignatureRefused(
        ILogger logger, string path, SlackSignatureResult verdict, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Signed Slack request to {Path} has an invalid body: {Problem}")]
    private static partial void LogInvalidBody(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Slack retry {RetryNum} of an event ({RetryReason})")]
    private static partial void LogRetry(ILogger logger, string retryNum, string retryReason);

    private sealed class InvalidSlackBodyException(string problem) : Exception(problem);
}
