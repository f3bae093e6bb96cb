using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// <see cref="ISlackWebApi"/> over a typed <see cref="HttpClient"/> whose resilience handler
/// retries transient failures (see <see cref="SlackWebApiServiceCollectionExtensions"/>).
/// Slack's <c>ok:false</c> answers become <see cref="SlackApiException"/>; an HTTP failure
/// without Slack's envelope becomes <see cref="HttpRequestException"/>; running out of time
/// becomes a <see cref="TaskCanceledException"/> wrapping a <see cref="TimeoutException"/>, as
/// <see cref="HttpClient"/> itself reports timeouts (the caller's token is then not cancelled).
/// </summary>
public sealed class SlackWebApiClient : ISlackWebApi
{
    /// <summary>Key of <see cref="Exception.Data"/> holding the scope Slack said was needed.</summary>
    public const string NeededScopeDataKey = "needed";

    /// <summary>Key of <see cref="Exception.Data"/> holding the scopes the token has.</summary>
    public const string ProvidedScopesDataKey = "provided";

    private const string ResponseUrlMethod = "response_url";

    private static readonly MediaTypeHeaderValue JsonMediaType =
        new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly SlackWebApiOptions _options;
    private readonly ILogger<SlackWebApiClient> _logger;

    /// <summary>Creates the client; <paramref name="http"/> comes from the HttpClient factory.</summary>
    public SlackWebApiClient(
        HttpClient http, IOptions<SlackWebApiOptions> options, ILogger<SlackWebApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _http = http;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<SlackMessageRef> PostMessageAsync(
        string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(message);

        const string method = "chat.postMessage";
        var body = SlackMessageJson.PostMessage(channel, message, threadTs);
        var answer = await CallAsync(method, JsonContent(body), idempotent: false, cancellationToken)
            .ConfigureAwait(false);

        var ts = RequiredString(answer, "ts", method);
        var postedChannel = OptionalString(answer, "channel") ?? channel;
        return new SlackMessageRef(postedChannel, ts);
    }

    /// <inheritdoc />
    public async Task PostEphemeralAsync(
        string channel,
        string user,
        SlackMessage message,
        string? threadTs,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentNullException.ThrowIfNull(message);

        var body = SlackMessageJson.PostEphemeral(channel, user, message, threadTs);
        await CallAsync("chat.postEphemeral", JsonContent(body), idempotent: false, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpdateMessageAsync(
        SlackMessageRef target, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(target.Channel, nameof(target));
        ArgumentException.ThrowIfNullOrWhiteSpace(target.Ts, nameof(target));
        ArgumentNullException.ThrowIfNull(message);

        // Writing the same content twice leaves the same message, so timeouts may be retried.
        var body = SlackMessageJson.Update(target, message);
        await CallAsync("chat.update", JsonContent(body), idempotent: true, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);

        const string method = "users.info";
        var form = FormContent(("user", userId));
        var answer = await CallAsync(method, form, idempotent: true, cancellationToken).ConfigureAwait(false);

        if (!answer.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            throw InvalidResponse(method);
        }

        var hasProfile = user.TryGetProperty("profile", out var profile)
            && profile.ValueKind == JsonValueKind.Object;
        var email = hasProfile ? OptionalString(profile, "email") : null;

        return new SlackUser(
            RequiredString(user, "id", method),
            OptionalString(user, "name") ?? "",
            user.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True,
            string.IsNullOrEmpty(email) ? null : email);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetUserGroupMembersAsync(
        string userGroupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userGroupId);

        const string method = "usergroups.users.list";
        var answer = await CallAsync(
                method, FormContent(("usergroup", userGroupId)), idempotent: true, cancellationToken)
            .ConfigureAwait(false);

        if (!answer.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
        {
            throw InvalidResponse(method);
        }

        var members = new List<string>(users.GetArrayLength());
        foreach (var member in users.EnumerateArray())
        {
            if (member.ValueKind == JsonValueKind.String && member.GetString() is { Length: > 0 } id)
            {
                members.Add(id);
            }
        }

        return members;
    }

    /// <inheritdoc />
    public async Task PostToResponseUrlAsync(
        Uri responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        SlackResponseUrlPolicy.EnsureAllowed(responseUrl, _options);

        var body = SlackMessageJson.ResponseUrl(message, replaceOriginal, _options.ResponseUrlResponseType);
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = JsonContent(body),
        };
        request.Options.Set(BotTelemetry.CredentialUrl, true);

        // No Authorization header: the URL itself is the credential, and the bot token must
        // never travel to any host but the Web API.
        using var response = await SendAsync(request, ResponseUrlMethod, idempotent: false, cancellationToken)
            .ConfigureAwait(false);

        var bytes = await ReadBodyAsync(response, ResponseUrlMethod, cancellationToken).ConfigureAwait(false);
        var result = SlackApiResult.TryParse(bytes);

        if (response.IsSuccessStatusCode && result is not { Ok: false })
        {
            SlackWebApiLog.Succeeded(_logger, ResponseUrlMethod);
            return;
        }

        // Hooks answer failures with a status and a bare code such as "expired_url" or
        // "used_url", or with the usual JSON envelope.
        var error = result?.Error ?? BareErrorCode(bytes) ?? $"http_{(int)response.StatusCode}";
        SlackWebApiLog.SlackError(_logger, ResponseUrlMethod, error, result?.Needed, result?.Provided);
        BotTelemetry.RecordSlackFailure(ResponseUrlMethod, SlackFailureKinds.OfCode(error));
        throw CreateException(ResponseUrlMethod, error, result);
    }

    private async Task<JsonElement> CallAsync(
        string method, HttpContent content, bool idempotent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUrl(method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);

        using var response = await SendAsync(request, method, idempotent, cancellationToken)
            .ConfigureAwait(false);
        var bytes = await ReadBodyAsync(response, method, cancellationToken).ConfigureAwait(false);
        var result = SlackApiResult.TryParse(bytes);

        if (result is null)
        {
            if (!response.IsSuccessStatusCode)
            {
                SlackWebApiLog.HttpError(_logger, method, (int)response.StatusCode);
                BotTelemetry.RecordSlackFailure(method, FailureKinds.HttpStatus);
                throw new HttpRequestException(
                    $"Slack {method} answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
            }

            throw InvalidResponse(method);
        }

        if (!result.Ok)
        {
            var error = result.Error ?? SlackErrorCode.InvalidResponse;
            SlackWebApiLog.SlackError(_logger, method, error, result.Needed, result.Provided);
            BotTelemetry.RecordSlackFailure(method, SlackFailureKinds.OfCode(error));
            throw CreateException(method, error, result);
        }

        SlackWebApiLog.Succeeded(_logger, method);
        return result.Root;
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, string method, bool idempotent, CancellationToken cancellationToken)
    {
        request.Options.Set(SlackRequestOptions.Method, method);
        request.Options.Set(SlackRequestOptions.Idempotent, idempotent);

        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            SlackWebApiLog.TimedOut(_logger, method);
            throw TimedOut(method, ex);
        }
        catch (HttpRequestException)
        {
            BotTelemetry.RecordSlackFailure(method, FailureKinds.Network);
            throw;
        }
    }

    // Error bodies are read after the pipeline let go of the response, so they get their own
    // deadline: a server that sends headers and then stalls must not hang the caller.
    private async Task<byte[]> ReadBodyAsync(
        HttpResponseMessage response, string method, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.AttemptTimeout);

        try
        {
            return await SlackResponseBody.ReadAsync(response, _options.MaxResponseBytes, deadline.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            SlackWebApiLog.TimedOut(_logger, method);
            throw TimedOut(method, ex);
        }
    }

    // HttpClient's own convention for a timeout, so callers need one catch for both.
    private static TaskCanceledException TimedOut(string method, Exception cause)
    {
        BotTelemetry.RecordSlackFailure(method, FailureKinds.Timeout);
        var message = $"Slack {method} did not answer in time.";
        return new TaskCanceledException(message, new TimeoutException(message, cause));
    }

    private Uri MethodUrl(string method)
    {
        var baseUrl = _options.BaseUrl;

        // Without a trailing slash, "https://host/api" + "chat.update" would drop the "api" segment.
        if (!baseUrl.AbsolutePath.EndsWith('/'))
        {
            baseUrl = new UriBuilder(baseUrl) { Path = baseUrl.AbsolutePath + "/" }.Uri;
        }

        return new Uri(baseUrl, method);
    }

    private static SlackApiException InvalidResponse(string method)
    {
        BotTelemetry.RecordSlackFailure(method, FailureKinds.InvalidResponse);
        return new SlackApiException(method, SlackErrorCode.InvalidResponse);
    }

    private static SlackApiException CreateException(string method, string error, SlackApiResult? result)
    {
        var exception = new SlackApiException(method, error);
        if (result?.Needed is { } needed)
        {
            exception.Data[NeededScopeDataKey] = needed;
        }

        if (result?.Provided is { } provided)
        {
            exception.Data[ProvidedScopesDataKey] = provided;
        }

        return exception;
    }

    private static string? BareErrorCode(byte[] body)
    {
        if (body.Length is 0 or > 100)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        var code = SlackErrorCode.Sanitize(text);
        return code == SlackErrorCode.InvalidResponse ? null : code;
    }

    private static StringContent JsonContent(JsonObject body) =>
        new(body.ToJsonString(), JsonMediaType);

    private static FormUrlEncodedContent FormContent(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static string RequiredString(JsonElement element, string name, string method) =>
        OptionalString(element, name) is { Length: > 0 } value
            ? value
            : throw InvalidResponse(method);

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
