using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Requests;

/// <summary>What the front end asked for: where, by whom, and with which identity hints.</summary>
public sealed record DiagnosisContext
{
    /// <summary>The workspace, when Slack said.</summary>
    public string? TeamId { get; init; }

    /// <summary>The channel the question came from.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The Slack user who asked (typed the command or pasted the error).</summary>
    public required string RequestedBy { get; init; }

    /// <summary>The thread the reply went to, when it was a threaded reply.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>The configured cluster the diagnosis ran against; null for the default.</summary>
    public string? Cluster { get; init; }

    /// <summary>The identity hints the diagnosis ran with.</summary>
    public IdentityHints Hints { get; init; } = new();

    /// <summary>How the question was asked.</summary>
    public DiagnosisOrigin Origin { get; init; }
}

/// <summary>How a diagnosis was asked for.</summary>
public enum DiagnosisOrigin
{
    /// <summary>The slash command.</summary>
    SlashCommand,

    /// <summary>An error pasted in a channel, or a mention of the bot.</summary>
    Message,

    /// <summary>Someone picked another identity in the select menu.</summary>
    IdentityChoice,
}
