namespace ChatOpsBot.Slack.Protocol;

/// <summary>
/// A slash command invocation, the same whether it came as an HTTP form post or inside a
/// Socket Mode <c>slash_commands</c> envelope.
/// </summary>
public sealed record SlashCommand
{
    /// <summary>The command itself, such as <c>/k8s-access</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Everything the user typed after the command.</summary>
    public string Text { get; init; } = "";

    /// <summary>The workspace.</summary>
    public string TeamId { get; init; } = "";

    /// <summary>The channel the command was typed in.</summary>
    public string ChannelId { get; init; } = "";

    /// <summary>The user who typed it.</summary>
    public required string UserId { get; init; }

    /// <summary>The user's handle (informational only; Slack deprecates it).</summary>
    public string UserName { get; init; } = "";

    /// <summary>Where to post the delayed answer (five posts in thirty minutes).</summary>
    public Uri? ResponseUrl { get; init; }

    /// <summary>Lets the bot open a modal within three seconds.</summary>
    public string TriggerId { get; init; } = "";

    /// <summary>The Slack app the command belongs to.</summary>
    public string ApiAppId { get; init; } = "";
}
