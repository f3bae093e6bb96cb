using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using Microsoft.AspNetCore.Mvc;

namespace ChatOpsBot.Playground;

/// <summary>
/// The page (<c>/</c> and its script and style, from embedded resources) and its API under
/// <c>/playground/api/</c>: read messages, post as a role, click. Every route answers only
/// requests from this machine that name it in the Host header.
/// </summary>
internal static class PlaygroundEndpoints
{
    private const string ResourcePrefix = "ChatOpsBot.Playground.wwwroot.";

    /// <summary>The content security policy of the page: its own files only, nothing inline.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>A pasted error of the largest accepted size, JSON-escaped, fits comfortably.</summary>
    private const int MaxBodyBytes = 512 * 1024;

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("");
        group.AddEndpointFilter(async (context, next) =>
            PlaygroundLoopback.IsLocalRequest(context.HttpContext)
                ? await next(context).ConfigureAwait(false)
                : Problem(StatusCodes.Status403Forbidden, "the playground answers this machine only"));

        group.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        group.MapGet("/playground/playground.js",
            () => Asset("playground.js", "text/javascript; charset=utf-8"));
        group.MapGet("/playground/teams-card.js",
            () => Asset("teams-card.js", "text/javascript; charset=utf-8"));
        group.MapGet("/playground/playground.css", () => Asset("playground.css", "text/css; charset=utf-8"));

        var api = group.MapGroup("/playground/api");
        api.MapGet("/info", Info);
        api.MapGet("/messages", Messages);
        api.MapPost("/messages", PostAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapPost("/actions", ClickAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
    }

    private static IResult Info() => Results.Json(new
    {
        team = PlaygroundIds.TeamId,
        teamChannel = new
        {
            id = PlaygroundIds.TeamChannel, name = PlaygroundIds.ChannelName(PlaygroundIds.TeamChannel),
        },
        approversChannel = new
        {
            id = PlaygroundIds.ApproversChannel,
            name = PlaygroundIds.ChannelName(PlaygroundIds.ApproversChannel),
        },
        users = new Dictionary<string, string>
        {
            [PlaygroundIds.Developer] = "developer",
            [PlaygroundIds.Admin] = "admin",
            [PlaygroundIds.Bot] = "k8s-access",
        },
        roles = new Dictionary<string, string>
        {
            ["developer"] = PlaygroundIds.Developer,
            ["admin"] = PlaygroundIds.Admin,
        },
    });

    private static IResult Messages(PlaygroundChat chat, string? role, long? since)
    {
        if (PlaygroundIds.UserOfRole(role) is not { } reader)
        {
            return Problem(StatusCodes.Status400BadRequest, "role must be developer or admin");
        }

        var version = chat.Version;
        var messages = chat.Since(since ?? 0, reader).Select(message =>
        {
            var blocks = message.BlocksJson is null ? null : JsonNode.Parse(message.BlocksJson) as JsonArray;
            return new JsonObject
            {
                ["key"] = message.Key,
                ["version"] = message.Version,
                ["channel"] = message.Channel,
                ["ts"] = message.Ts,
                ["threadTs"] = message.ThreadTs,
                ["user"] = message.User,
                ["text"] = message.Text,
                ["teamsCard"] = PlaygroundTeamsView.CardFor(message.Text, blocks),
                ["blocks"] = blocks,
                ["ephemeral"] = message.IsEphemeral,
                ["edited"] = message.Edited,
            };
        }).ToList();
        return Results.Json(new JsonObject
        {
            ["version"] = messages.Select(m => (long)m["version"]!).DefaultIfEmpty(version).Max(),
            ["messages"] = new JsonArray([.. messages]),
        });
    }

    private static async Task<IResult> PostAsync(
        HttpRequest body, PlaygroundInbound inbound, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadAsync<PlaygroundPostRequest>(body, cancellationToken)
            .ConfigureAwait(false);
        if (request is null)
        {
            return refusal!;
        }

        return await RunAsync(async () =>
        {
            var posted = await inbound.PostAsync(request, cancellationToken).ConfigureAwait(false);
            return Results.Json(new { key = posted.Key, ts = posted.Ts });
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> ClickAsync(
        HttpRequest body, PlaygroundInbound inbound, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadAsync<PlaygroundActionRequest>(body, cancellationToken)
            .ConfigureAwait(false);
        if (request is null)
        {
            return refusal!;
        }

        return await RunAsync(async () =>
        {
            await inbound.ClickAsync(request, cancellationToken).ConfigureAwait(false);
            return Results.Json(new { ok = true });
        }).ConfigureAwait(false);
    }

    // Read here rather than bound by the framework, whose refusal of a malformed body is a bare
    // 400 that tells the sender nothing.
    private static async Task<(T? Request, IResult? Refusal)> ReadAsync<T>(
        HttpRequest body, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var request = await body.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
            return request is null
                ? (null, Problem(StatusCodes.Status400BadRequest, "send a JSON body"))
                : (request, null);
        }
        catch (Exception problem) when (problem is JsonException or InvalidOperationException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest,
                "send a JSON object with the fields the playground page sends (see docs/playground.md)"));
        }
    }

    private static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (PlaygroundRequestException problem)
        {
            return Problem(problem.Status, problem.Message);
        }
        catch (SlackBusyException)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "the bot is busy; try again in a moment");
        }
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail, statusCode: status);

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        using var reader = new StreamReader(stream);
        return new PageResult(reader.ReadToEnd(), contentType);
    }

    /// <summary>A page asset with the headers that keep it self-contained.</summary>
    private sealed class PageResult(string content, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            return Results.Text(content, contentType).ExecuteAsync(httpContext);
        }
    }
}
