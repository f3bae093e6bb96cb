using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Playground;

/// <summary>Where a response_url answer lands: the clicked (or commanding) user's view of the chat.</summary>
/// <param name="Channel">The channel the command or click happened in.</param>
/// <param name="User">Who acted; answers that do not replace are shown only to them.</param>
/// <param name="ThreadTs">The thread of the original message, when it was in one.</param>
/// <param name="OriginalKey">The message a replace_original answer replaces, or null for a command.</param>
public sealed record PlaygroundResponseTarget(
    string Channel, string User, string? ThreadTs, string? OriginalKey);

/// <summary>
/// The response_url values the playground hands to the bot, mapped back to their target by
/// the playground's Slack API.
/// </summary>
public sealed class PlaygroundResponseUrls()
    : InProcessResponseUrls<PlaygroundResponseTarget>("http://127.0.0.1/playground/response-url/", Capacity)
{
    /// <summary>The most targets remembered; the oldest are forgotten first.</summary>
    public const int Capacity = 5_000;
}
