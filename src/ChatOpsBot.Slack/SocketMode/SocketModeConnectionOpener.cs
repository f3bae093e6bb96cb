using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatOpsBot.Slack.WebApi;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>What <c>apps.connections.open</c> answered: a socket URL, or an error to act on.</summary>
/// <param name="Url">The WebSocket URL to connect to.</param>
/// <param name="Error">Slack's error code (or <c>http_NNN</c>) when there is no URL.</param>
/// <param name="RetryAfter">The wait Slack asked for when rate-limited.</param>
internal sealed record ConnectionsOpenResult(Uri? Url, string? Error, TimeSpan? RetryAfter);

/// <summary>
/// Calls <c>apps.connections.open</c> with the app-level token. Slack makes a fresh URL for each
/// connection, so this is called before every connect, including refreshes.
/// </summary>
internal sealed class SocketModeConnectionOpener(
    HttpClient http, SocketModeOptions options, TimeProvider time)
{
    private const int MaxAnswerBytes = 64 * 1024;

    /// <summary>Asks Slack for a socket URL. Transport failures throw; Slack's refusals return.</summary>
    public async Task<ConnectionsOpenResult> OpenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUrl())
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AppToken);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);

        using var response = await http
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
            .ConfigureAwait(false);
        var body = await SlackResponseBody.ReadAsync(response, MaxAnswerBytes, deadline.Token)
            .ConfigureAwait(false);
        var result = SlackApiResult.TryParse(body);

        if (response.StatusCode == HttpStatusCode.TooManyRequests
            || result is { Ok: false, Error: SlackErrorCode.RateLimited })
        {
            var retryAfter = SlackRetryAfter.From(response, time);
            return new ConnectionsOpenResult(null, SlackErrorCode.RateLimited, retryAfter);
        }

        if (result is null)
        {
            return new ConnectionsOpenResult(null, $"http_{(int)response.StatusCode}", null);
        }

        if (!result.Ok)
        {
            return new ConnectionsOpenResult(null, result.Error ?? SlackErrorCode.InvalidResponse, null);
        }

        var url = result.Root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
            ? u.GetString()
            : null;

        return Uri.TryCreate(url, UriKind.Absolute, out var socketUrl) && IsAcceptableScheme(socketUrl)
            ? new ConnectionsOpenResult(WithDebugFlag(socketUrl), null, null)
            : new ConnectionsOpenResult(null, SlackErrorCode.InvalidResponse, null);
    }

    // Real Slack hands out wss:// URLs. A plain ws:// URL is accepted only when the API itself
    // is reached over plain http (a local fake), so an https setup can never be downgraded.
    private bool IsAcceptableScheme(Uri socketUrl) =>
        socketUrl.Scheme == Uri.UriSchemeWss
        || (socketUrl.Scheme == Uri.UriSchemeWs && options.ApiBaseUrl.Scheme == Uri.UriSchemeHttp);

    private Uri WithDebugFlag(Uri socketUrl)
    {
        if (!options.DebugReconnects)
        {
            return socketUrl;
        }

        var query = socketUrl.Query.TrimStart('?');
        var builder = new UriBuilder(socketUrl)
        {
            Query = query.Length == 0 ? "debug_reconnects=true" : query + "&debug_reconnects=true",
        };
        return builder.Uri;
    }

    private Uri MethodUrl()
    {
        var baseUrl = options.ApiBaseUrl;
        if (!baseUrl.AbsolutePath.EndsWith('/'))
        {
            baseUrl = new UriBuilder(baseUrl) { Path = baseUrl.AbsolutePath + "/" }.Uri;
        }

        return new Uri(baseUrl, "apps.connections.open");
    }
}
