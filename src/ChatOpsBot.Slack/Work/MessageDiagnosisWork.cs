namespace ChatOpsBot.Slack.Work;

/// <summary>A channel message (or mention) to diagnose, with what the threaded reply needs.</summary>
internal sealed record MessageDiagnosisWork
{
    public required string Channel { get; init; }

    public required string UserId { get; init; }

    public string? TeamId { get; init; }

    /// <summary>The message text, already turned back into plain text.</summary>
    public required string Text { get; init; }

    /// <summary>The ts to reply under.</summary>
    public required string ThreadTs { get; init; }

    /// <summary>True when the bot was mentioned: then it answers even when it finds nothing.</summary>
    public bool IsMention { get; init; }
}
