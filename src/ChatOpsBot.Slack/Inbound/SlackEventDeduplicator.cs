using ChatOpsBot.Slack.Caching;
using ChatOpsBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Remembers which events (by <c>event_id</c>) and which messages (by channel and ts) are
/// handled or in flight, for <see cref="SlackOptions.DeduplicationWindow"/>. Slack retries an
/// event up to three times, and one message may arrive both as <c>message</c> and as
/// <c>app_mention</c>: the first claim wins, later ones are dropped.
/// </summary>
public sealed class SlackEventDeduplicator
{
    private const int Capacity = 50_000;
    private readonly TtlCache<string, bool> _claims;

    /// <summary>Creates the deduplicator.</summary>
    public SlackEventDeduplicator(IOptions<SlackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _claims = new TtlCache<string, bool>(
            Capacity, options.Value.DeduplicationWindow, time, StringComparer.Ordinal);
    }

    /// <summary>Claims an event id; false when it was already claimed.</summary>
    public bool TryClaimEvent(string eventId) => _claims.TryAdd("event:" + eventId, true);

    /// <summary>Claims a message; false when it was already claimed.</summary>
    public bool TryClaimMessage(string channel, string ts) => _claims.TryAdd(MessageKey(channel, ts), true);

    /// <summary>Forgets an event id claim (the work could not be queued, so a retry may do it).</summary>
    public void ReleaseEvent(string eventId) => _claims.Remove("event:" + eventId);

    /// <summary>Forgets a message claim.</summary>
    public void ReleaseMessage(string channel, string ts) => _claims.Remove(MessageKey(channel, ts));

    private static string MessageKey(string channel, string ts) => "message:" + channel + ":" + ts;
}
