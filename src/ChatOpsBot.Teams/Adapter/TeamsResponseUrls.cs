using ChatOpsBot.Slack.Protocol;

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
/// The response_url values the Teams adapter hands to the Slack flow, mapped back to their
/// target by <see cref="TeamsSlackApi"/>.
/// </summary>
public sealed class TeamsResponseUrls()
    : InProcessResponseUrls<TeamsResponseTarget>("http://127.0.0.1/teams/response-url/", Capacity)
{
    /// <summary>The most targets remembered; the oldest are forgotten first.</summary>
    public const int Capacity = 10_000;
}
