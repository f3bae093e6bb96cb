using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Work;

/// <summary>Short replies that only the person who acted sees.</summary>
internal static class SlackReplies
{
    /// <summary>
    /// Sends <paramref name="text"/> (already mrkdwn-safe) to the user alone: through the
    /// response_url when there is one, else with <c>chat.postEphemeral</c>.
    /// </summary>
    public static Task EphemeralAsync(
        ISlackWebApi slack, Uri? responseUrl, string? channel, string user, string? threadTs, string text,
        CancellationToken cancellationToken)
    {
        var message = new SlackMessage(Mrkdwn.Truncate(text, BlockKitLimits.MaxFallbackText));
        if (responseUrl is not null)
        {
            return slack.PostToResponseUrlAsync(
                responseUrl, message, replaceOriginal: false, cancellationToken);
        }

        return string.IsNullOrEmpty(channel)
            ? Task.CompletedTask
            : slack.PostEphemeralAsync(channel, user, message, threadTs, cancellationToken);
    }

    /// <summary>Sends <paramref name="text"/> to the user who clicked, in the click's thread.</summary>
    public static Task EphemeralAsync(
        ISlackWebApi slack, BlockActionsPayload click, string text, CancellationToken cancellationToken) =>
        EphemeralAsync(
            slack, click.ResponseUrl, click.ChannelId, click.UserId, click.ThreadTs, text, cancellationToken);
}
