namespace ChatOpsBot.Slack.Blocks;

/// <summary>Where the identity hints of a diagnosis came from, so the reply can say so.</summary>
public enum IdentityHintSource
{
    /// <summary>No hints: the engine ranked the identities that fit.</summary>
    None,

    /// <summary>The configured chat-user mapping (<c>Slack:UserMappings</c>).</summary>
    ChatMapping,

    /// <summary>The command's <c>--as-role</c> option.</summary>
    CommandOption,

    /// <summary>Someone picked the identity in the select menu.</summary>
    Chosen,
}
