using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ChatOpsBot.Playground;

/// <summary>Where a response_url answer lands: the clicked (or commanding) user's view of the chat.</summary>
/// <param name="Channel">The channel the command or click happened in.</param>
/// <param name="User">Who acted; answers that do not replace are shown only to them.</param>
/// <param name="ThreadTs">The thread of the original message, when it was in one.</param>
/// <param name="OriginalKey">The message a replace_original answer replaces, or null for a command.</param>
public sealed record PlaygroundResponseTarget(
    string Channel, string User, string? ThreadTs, string? OriginalKey);

/// <summary>
/// The response_url values the playground hands to the bot. Each is a loopback address with
/// an unguessable token that the playground's Slack API maps back to its target; nothing ever
/// sends a request to it.
/// </summary>
public sealed class PlaygroundResponseUrls
{
    /// <summary>The most targets remembered; the oldest are forgotten first.</summary>
    public const int Capacity = 5_000;

    private const string Prefix = "http://127.0.0.1/playground/response-url/";

    private readonly ConcurrentDictionary<string, PlaygroundResponseTarget> _targets =
        new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>A new response_url answering into <paramref name="target"/>.</summary>
    public Uri Create(PlaygroundResponseTarget target)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _targets[token] = target;
        _order.Enqueue(token);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _targets.TryRemove(oldest, out _);
        }

        return new Uri(Prefix + token);
    }

    /// <summary>The target of a response_url this playground made, or null.</summary>
    public PlaygroundResponseTarget? Resolve(Uri responseUrl)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        var text = responseUrl.AbsoluteUri;
        return text.StartsWith(Prefix, StringComparison.Ordinal)
               && _targets.TryGetValue(text[Prefix.Length..], out var target)
            ? target
            : null;
    }
}
