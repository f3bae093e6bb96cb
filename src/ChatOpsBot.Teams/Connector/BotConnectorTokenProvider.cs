using System.Text.Json;
using ChatOpsBot.Teams.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Connector;

/// <summary>
/// Gets the bot's client-credentials token for the Bot Connector and reuses it until five
/// minutes before it expires. Concurrent callers share one fetch.
/// </summary>
public sealed class BotConnectorTokenProvider : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;
    private readonly TeamsOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAfter;

    /// <summary>Creates the provider.</summary>
    public BotConnectorTokenProvider(
        IHttpClientFactory httpClients, IOptions<TeamsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients ?? throw new ArgumentNullException(nameof(httpClients));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
    }

    /// <summary>A token valid for at least five more minutes.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || _time.GetUtcNow() >= _refreshAfter)
            {
                var (token, lifetime) = await FetchAsync(cancellationToken).ConfigureAwait(false);
                _token = token;
                _refreshAfter = _time.GetUtcNow() + lifetime - RefreshMargin;
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (after the Bot Connector refused it).</summary>
    public void Invalidate() => _token = null;

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, TimeSpan Lifetime)> FetchAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.AppId) || string.IsNullOrEmpty(_options.AppPassword))
        {
            throw new BotConnectorException(
                "Teams:AppId and Teams:AppPassword are needed for outbound calls.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.AppId,
            ["client_secret"] = _options.AppPassword,
            ["scope"] = _options.TokenScope,
        });
        var client = _httpClients.CreateClient(BotConnectorClient.HttpClientName);
        using var response = await client
            .PostAsync(new Uri(_options.EffectiveTokenEndpoint), form, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The error body may echo request details; the status is enough to act on.
            throw new BotConnectorException($"The token endpoint answered {(int)response.StatusCode}.");
        }

        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ParseToken(json);
    }

    private static (string Token, TimeSpan Lifetime) ParseToken(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            var seconds = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number
                ? e.GetInt32()
                : 0;
            if (string.IsNullOrEmpty(token) || seconds <= 0)
            {
                throw new BotConnectorException(
                    "The token endpoint's answer has no access_token or expires_in.");
            }

            return (token, TimeSpan.FromSeconds(seconds));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new BotConnectorException("The token endpoint's answer is not valid JSON.", ex);
        }
    }
}
