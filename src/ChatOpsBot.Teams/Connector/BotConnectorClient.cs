using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Connector;

/// <summary>
/// Posts activities to the Bot Connector REST API at a conversation's <c>serviceUrl</c>. Callers
/// must pass only a service URL that came with a validated inbound activity: the bot's token is
/// sent there. Retries on 429 (honouring Retry-After), 412 and 5xx come from the HttpClient's
/// resilience handler (see <see cref="TeamsServiceCollectionExtensions"/>).
/// </summary>
public sealed class BotConnectorClient
{
    /// <summary>The named HttpClient used for the token endpoint and the Bot Connector.</summary>
    public const string HttpClientName = "ChatOpsBot.Teams.BotConnector";

    private readonly IHttpClientFactory _httpClients;
    private readonly BotConnectorTokenProvider _tokens;

    /// <summary>Creates the client.</summary>
    public BotConnectorClient(IHttpClientFactory httpClients, BotConnectorTokenProvider tokens)
    {
        _httpClients = httpClients ?? throw new ArgumentNullException(nameof(httpClients));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
    }

    /// <summary>
    /// Posts <paramref name="activity"/> as a threaded reply: POST
    /// <c>{serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>.
    /// Returns the new activity's id when the service reports one.
    /// </summary>
    public Task<string?> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string replyToId, JsonObject activity,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        return PostAsync(serviceUrl, conversationId, replyToId, activity, cancellationToken);
    }

    /// <summary>
    /// Posts a new message to a conversation: POST <c>…/v3/conversations/{id}/activities</c>.
    /// </summary>
    public Task<string?> SendToConversationAsync(
        string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        PostAsync(serviceUrl, conversationId, replyToId: null, activity, cancellationToken);

    /// <summary>
    /// Replaces a message the bot posted: PUT
    /// <c>{serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>, with the
    /// activity's <c>id</c> set to <paramref name="activityId"/>.
    /// </summary>
    public async Task UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, JsonObject activity,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var body = activity.DeepClone().AsObject();
        body["id"] = activityId;
        await SendAsync(HttpMethod.Put, ActivitiesUri(serviceUrl, conversationId, activityId), body,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The endpoint for a conversation's activities, ids escaped as path segments.</summary>
    internal static Uri ActivitiesUri(string serviceUrl, string conversationId, string? replyToId)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || !(baseUri.Scheme == Uri.UriSchemeHttps
                 || (baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback)))
        {
            throw new ArgumentException("The service URL must be an absolute https URL.", nameof(serviceUrl));
        }

        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var path = serviceUrl.TrimEnd('/') + "/v3/conversations/"
                   + Uri.EscapeDataString(conversationId) + "/activities";
        return new Uri(replyToId is null ? path : path + "/" + Uri.EscapeDataString(replyToId));
    }

    private Task<string?> PostAsync(
        string serviceUrl, string conversationId, string? replyToId, JsonObject activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(
            HttpMethod.Post,
            ActivitiesUri(serviceUrl, conversationId, replyToId),
            activity,
            cancellationToken);
    }

    private async Task<string?> SendAsync(
        HttpMethod method, Uri uri, JsonObject activity, CancellationToken cancellationToken)
    {
        var client = _httpClients.CreateClient(HttpClientName);

        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, uri)
            {
                Content = JsonContent.Create(activity),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);

            // A token revoked or rotated early: fetch a fresh one once.
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                _tokens.Invalidate();
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new BotConnectorException($"The Bot Connector answered {(int)response.StatusCode}.");
            }

            return await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ReadIdAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject json && json["id"] is JsonValue id
                   && id.TryGetValue<string>(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
