using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>Where a response_url answer lands in Teams.</summary>
/// <param name="Channel">The conversation alias the command or click came from.</param>
/// <param name="User">Who acted; answers that do not replace a message name them.</param>
/// <param name="ThreadTs">The thread to answer in, when there is one.</param>
/// <param name="OriginalTs">
/// The message a replace_original answer replaces (the clicked card), or null.
/// </param>
public sealed record TeamsResponseTarget(string Channel, string User, string? ThreadTs, string? OriginalTs);

/// <summary>
/// The response_url values the adapter hands to the Slack flow. Each is a loopback address
/// with an unguessable token that <see cref="TeamsSlackApi"/> maps back to its target; nothing
/// ever sends a request to it. Kept in memory: the flow answers within minutes of a click.
/// </summary>
public sealed class TeamsResponseUrls
{
    /// <summary>The most targets remembered; the oldest are forgotten first.</summary>
    public const int Capacity = 10_000;

    private const string Prefix = "http://127.0.0.1/teams/response-url/";

    private readonly ConcurrentDictionary<string, TeamsResponseTarget> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>A new response_url answering into <paramref name="target"/>.</summary>
    /// <param name="target">Where answers go.</param>
    /// <returns>The URL to hand to the flow.</returns>
    public Uri Create(TeamsResponseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _targets[token] = target;
        _order.Enqueue(token);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _targets.TryRemove(oldest, out _);
        }

        return new Uri(Prefix + token);
    }

    /// <summary>The target of a response_url this adapter made, or null.</summary>
    /// <param name="responseUrl">The URL the flow posts to.</param>
    /// <returns>The target, or null for any other URL.</returns>
    public TeamsResponseTarget? Resolve(Uri responseUrl)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        var text = responseUrl.AbsoluteUri;
        return text.StartsWith(Prefix, StringComparison.Ordinal)
               && _targets.TryGetValue(text[Prefix.Length..], out var target)
            ? target
            : null;
    }
}
