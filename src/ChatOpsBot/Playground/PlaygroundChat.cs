using System.Globalization;

namespace ChatOpsBot.Playground;

/// <summary>
/// The playground's whole chat in memory: messages of both channels (ephemeral ones tagged
/// with their only reader), a change counter the page polls with, and generated ts values.
/// Bounded, so a runaway loop cannot fill the memory: the oldest messages go first.
/// </summary>
public sealed class PlaygroundChat
{
    /// <summary>The most messages kept.</summary>
    public const int Capacity = 2_000;

    /// <summary>The longest text kept for one message (Slack's own limit is 40,000).</summary>
    public const int MaxTextLength = 40_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PlaygroundMessage> _messages = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();
    private readonly TimeProvider _time;
    private long _version;
    private long _lastSecond;
    private int _sequence;

    /// <summary>Creates an empty chat.</summary>
    public PlaygroundChat(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The current change counter.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Adds a message and returns it with its new ts.</summary>
    public PlaygroundMessage Post(
        string channel, string user, string text, string? blocksJson, string? threadTs, string? visibleTo)
    {
        lock (_gate)
        {
            var ts = NextTs();
            var key = visibleTo is null ? $"{channel}:{ts}" : $"e:{channel}:{ts}";
            var message = new PlaygroundMessage
            {
                Key = key,
                Version = ++_version,
                Channel = channel,
                Ts = ts,
                ThreadTs = string.IsNullOrEmpty(threadTs) ? null : threadTs,
                User = user,
                Text = Clip(text),
                BlocksJson = blocksJson,
                VisibleTo = visibleTo,
            };
            _messages[key] = message;
            _order.AddLast(key);
            while (_order.Count > Capacity)
            {
                _messages.Remove(_order.First!.Value);
                _order.RemoveFirst();
            }

            return message;
        }
    }

    /// <summary>Replaces the text and blocks of message <paramref name="key"/>; false when it is gone.</summary>
    public bool Replace(string key, string text, string? blocksJson)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(key, out var old))
            {
                return false;
            }

            _messages[key] = old with
            {
                Text = Clip(text), BlocksJson = blocksJson, Version = ++_version, Edited = true,
            };
            return true;
        }
    }

    /// <summary>The message with this key, or null.</summary>
    public PlaygroundMessage? Find(string key)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(key);
        }
    }

    /// <summary>The channel message (not ephemeral) posted at <paramref name="ts"/>, or null.</summary>
    public PlaygroundMessage? FindPosted(string channel, string ts) => Find($"{channel}:{ts}");

    /// <summary>
    /// Messages posted or changed after <paramref name="since"/> that <paramref name="reader"/>
    /// may see (everything but other people's ephemeral messages), oldest first.
    /// </summary>
    public IReadOnlyList<PlaygroundMessage> Since(long since, string reader)
    {
        lock (_gate)
        {
            return _order
                .Select(key => _messages[key])
                .Where(m => m.Version > since && (m.VisibleTo is null || m.VisibleTo == reader))
                .OrderBy(m => m.Version)
                .ToList();
        }
    }

    // Slack's ts is seconds and a six-digit part; the counter keeps them unique and increasing.
    private string NextTs()
    {
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        if (second > _lastSecond)
        {
            _lastSecond = second;
            _sequence = 0;
        }

        _sequence++;
        if (_sequence > 999_999)
        {
            _lastSecond++;
            _sequence = 1;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{_lastSecond}.{_sequence:D6}");
    }

    private static string Clip(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
