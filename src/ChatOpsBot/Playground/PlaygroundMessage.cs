namespace ChatOpsBot.Playground;

/// <summary>One message of the playground's chat, as the page reads it.</summary>
public sealed record PlaygroundMessage
{
    /// <summary>Stable identity on the page: the channel and ts, or an ephemeral's own id.</summary>
    public required string Key { get; init; }

    /// <summary>The chat's change counter when this message was last posted or replaced.</summary>
    public required long Version { get; init; }

    /// <summary>The channel id.</summary>
    public required string Channel { get; init; }

    /// <summary>The message's ts (generated, unique and increasing).</summary>
    public required string Ts { get; init; }

    /// <summary>The thread's parent ts when this is a reply in a thread.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>Who posted it.</summary>
    public required string User { get; init; }

    /// <summary>The mrkdwn text (the fallback text when there are blocks).</summary>
    public string Text { get; init; } = "";

    /// <summary>The Block Kit blocks as JSON, or null for a text-only message.</summary>
    public string? BlocksJson { get; init; }

    /// <summary>The only user who sees it (an ephemeral message), or null for everyone.</summary>
    public string? VisibleTo { get; init; }

    /// <summary>True once it has been replaced by an update.</summary>
    public bool Edited { get; init; }

    /// <summary>True for an ephemeral message.</summary>
    public bool IsEphemeral => VisibleTo is not null;
}
