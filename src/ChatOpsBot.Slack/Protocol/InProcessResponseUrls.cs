using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ChatOpsBot.Slack.Protocol;

/// <summary>
/// response_url values for front ends that feed the Slack flow without Slack (the playground,
/// Teams). Each is a loopback address with an unguessable token that the front end's
/// <see cref="ISlackWebApi"/> maps back to its target; nothing ever sends a request to it.
/// Kept in memory and bounded: the flow answers within minutes of a click, and the oldest
/// targets are forgotten first.
/// </summary>
/// <typeparam name="TTarget">Where an answer lands, in the front end's own terms.</typeparam>
public abstract class InProcessResponseUrls<TTarget>
    where TTarget : class
{
    private readonly string _prefix;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, TTarget> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Creates the registry.</summary>
    /// <param name="prefix">The loopback address the tokens are appended to, ending in a slash.</param>
    /// <param name="capacity">The most targets remembered.</param>
    protected InProcessResponseUrls(string prefix, int capacity)
    {
        _prefix = prefix;
        _capacity = capacity;
    }

    /// <summary>A new response_url answering into <paramref name="target"/>.</summary>
    /// <param name="target">Where answers go.</param>
    /// <returns>The URL to hand to the flow.</returns>
    public Uri Create(TTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _targets[token] = target;
        _order.Enqueue(token);
        while (_order.Count > _capacity && _order.TryDequeue(out var oldest))
        {
            _targets.TryRemove(oldest, out _);
        }

        return new Uri(_prefix + token);
    }

    /// <summary>The target of a response_url this registry made, or null for any other URL.</summary>
    /// <param name="responseUrl">The URL the flow posts to.</param>
    /// <returns>The target, or null.</returns>
    public TTarget? Resolve(Uri responseUrl)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        var text = responseUrl.AbsoluteUri;
        return text.StartsWith(_prefix, StringComparison.Ordinal)
               && _targets.TryGetValue(text[_prefix.Length..], out var target)
            ? target
            : null;
    }
}
