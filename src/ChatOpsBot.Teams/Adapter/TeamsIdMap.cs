using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>
/// Maps Teams conversations, messages and users to the Slack-shaped ids the shared flow
/// carries, and back, through the alias store (durable in the SQLite file). The approvers'
/// conversation from the settings is known without the store.
/// </summary>
public sealed class TeamsIdMap
{
    /// <summary>What joins a channel's conversation id and a thread's root activity id.</summary>
    internal const string ThreadMarker = ";messageid=";

    private const int MaxNameLength = 200;
    private const int CacheLimit = 10_000;

    private readonly IChatAliasStore _store;
    private readonly TeamsConversation? _approvals;

    // What was written last per key, so a known user or conversation costs no write per message.
    private readonly ConcurrentDictionary<string, ChatAlias> _recent = new(StringComparer.Ordinal);

    /// <summary>Creates the map over the alias store and the adapter's settings.</summary>
    /// <param name="store">Where the aliases are kept.</param>
    /// <param name="options">The adapter's settings (the approvers' conversation).</param>
    public TeamsIdMap(IChatAliasStore store, IOptions<TeamsAdapterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        var settings = options.Value;
        if (settings.ApprovalsConversationId is { Length: > 0 } id
            && settings.ServiceUrl is { Length: > 0 } url)
        {
            var baseId = BaseConversationId(id);
            _approvals = new TeamsConversation(TeamsIds.Alias('C', baseId), url, baseId, "channel");
        }
    }

    /// <summary>The approvers' conversation from the settings, or null.</summary>
    public TeamsConversation? Approvals => _approvals;

    /// <summary>The conversation id without its <c>;messageid=</c> thread part.</summary>
    /// <param name="conversationId">A conversation id as an activity carries it.</param>
    /// <returns>The conversation id of the channel or chat itself.</returns>
    public static string BaseConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var at = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return at < 0 ? conversationId : conversationId[..at];
    }

    /// <summary>The thread's first message id named by a channel conversation id, or null.</summary>
    /// <param name="conversationId">A conversation id as an activity carries it.</param>
    /// <returns>The root activity id, or null when the id names no thread.</returns>
    public static string? ThreadRootOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var at = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return at < 0 || at + ThreadMarker.Length == conversationId.Length
            ? null
            : conversationId[(at + ThreadMarker.Length)..];
    }

    /// <summary>Records a conversation seen in a validated activity; returns it with its alias.</summary>
    /// <param name="serviceUrl">The activity's (validated) service URL.</param>
    /// <param name="conversationId">The activity's conversation id (a thread part is dropped).</param>
    /// <param name="conversationType">The activity's conversation type.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The conversation under its alias.</returns>
    public async Task<TeamsConversation> RememberConversationAsync(
        string serviceUrl,
        string conversationId,
        string? conversationType,
        CancellationToken cancellationToken)
    {
        var baseId = BaseConversationId(conversationId);
        var prefix = conversationType switch
        {
            "personal" => 'D',
            "groupChat" => 'G',
            _ => 'C',
        };
        var detail = new JsonObject { ["serviceUrl"] = serviceUrl, ["type"] = conversationType }
            .ToJsonString();
        var alias = await RememberAsync(
            TeamsIds.ConversationKind, baseId, TeamsIds.Alias(prefix, baseId), detail, cancellationToken)
            .ConfigureAwait(false);
        return new TeamsConversation(alias.Alias, serviceUrl, baseId, conversationType);
    }

    /// <summary>The conversation behind a channel alias, or null when it names none.</summary>
    /// <param name="channel">The alias.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The conversation, or null.</returns>
    public async Task<TeamsConversation?> FindConversationAsync(
        string channel, CancellationToken cancellationToken)
    {
        var found = await _store.FindAsync(TeamsIds.ConversationKind, channel, cancellationToken)
            .ConfigureAwait(false);
        if (found is not null && ReadDetail(found.Detail) is { } detail)
        {
            return new TeamsConversation(found.Alias, detail.ServiceUrl, found.Key, detail.Type);
        }

        return _approvals is { } approvals && approvals.Channel == channel ? approvals : null;
    }

    /// <summary>Records a message of a conversation; returns its alias (the Slack <c>ts</c>).</summary>
    /// <param name="channel">The conversation's alias.</param>
    /// <param name="activityId">The Teams activity id.</param>
    /// <param name="conversationId">The conversation id that reaches the message.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The message's alias.</returns>
    public async Task<string> RememberMessageAsync(
        string channel, string activityId, string conversationId, CancellationToken cancellationToken)
    {
        var key = channel + "|" + activityId;
        var alias = await RememberAsync(
            TeamsIds.ActivityKind, key, TeamsIds.Alias('M', key), conversationId, cancellationToken)
            .ConfigureAwait(false);
        return alias.Alias;
    }

    /// <summary>The message behind <paramref name="ts"/> in <paramref name="channel"/>, or null.</summary>
    /// <param name="channel">The conversation's alias.</param>
    /// <param name="ts">The message's alias.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The message, or null when the alias names no message of that conversation.</returns>
    public async Task<TeamsMessageRef?> FindMessageAsync(
        string channel, string ts, CancellationToken cancellationToken)
    {
        var found = await _store.FindAsync(TeamsIds.ActivityKind, ts, cancellationToken)
            .ConfigureAwait(false);
        var prefix = channel + "|";
        if (found is null || found.Detail is not { Length: > 0 } conversationId
            || !found.Key.StartsWith(prefix, StringComparison.Ordinal) || found.Key.Length == prefix.Length)
        {
            return null;
        }

        return new TeamsMessageRef(found.Key[prefix.Length..], conversationId);
    }

    /// <summary>Records a user and the display name Teams gave; returns the user id.</summary>
    /// <param name="objectId">The user's Entra object id.</param>
    /// <param name="displayName">The name from the activity, or null to keep the stored one.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The Slack-shaped user id.</returns>
    public async Task<string> RememberUserAsync(
        Guid objectId, string? displayName, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? null : Shorten(displayName.Trim());
        var alias = await RememberAsync(
            TeamsIds.UserKind, objectId.ToString("D"), TeamsIds.UserId(objectId), name, cancellationToken)
            .ConfigureAwait(false);
        return alias.Alias;
    }

    /// <summary>The display name last seen for a user id, or null.</summary>
    /// <param name="userId">The Slack-shaped user id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The name, or null when none was seen.</returns>
    public async Task<string?> DisplayNameAsync(string userId, CancellationToken cancellationToken)
    {
        var found = await _store.FindAsync(TeamsIds.UserKind, userId, cancellationToken)
            .ConfigureAwait(false);
        return found?.Detail;
    }

    private async Task<ChatAlias> RememberAsync(
        string kind, string key, string alias, string? detail, CancellationToken cancellationToken)
    {
        var cacheKey = kind + "\n" + key;
        if (_recent.TryGetValue(cacheKey, out var known) && (detail is null || detail == known.Detail))
        {
            return known;
        }

        var stored = await _store.RememberAsync(kind, key, alias, detail, cancellationToken)
            .ConfigureAwait(false);
        if (_recent.Count >= CacheLimit)
        {
            _recent.Clear();
        }

        _recent[cacheKey] = stored;
        return stored;
    }

    private static (string ServiceUrl, string? Type)? ReadDetail(string? detail)
    {
        try
        {
            return detail is not null && JsonNode.Parse(detail) is JsonObject json
                   && json["serviceUrl"] is JsonValue url && url.TryGetValue<string>(out var serviceUrl)
                ? (serviceUrl,
                    json["type"] is JsonValue type && type.TryGetValue<string>(out var t) ? t : null)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
