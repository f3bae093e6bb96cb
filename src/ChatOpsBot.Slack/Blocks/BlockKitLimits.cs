namespace ChatOpsBot.Slack.Blocks;

/// <summary>The Block Kit limits the bot's messages respect (Slack refuses messages beyond them).</summary>
public static class BlockKitLimits
{
    /// <summary>Blocks in one message.</summary>
    public const int MaxBlocks = 50;

    /// <summary>Text of a section block.</summary>
    public const int MaxSectionText = 3000;

    /// <summary>Text of a header block.</summary>
    public const int MaxHeaderText = 150;

    /// <summary>Text of one context element.</summary>
    public const int MaxContextText = 3000;

    /// <summary>Elements of a context block.</summary>
    public const int MaxContextElements = 10;

    /// <summary>Text of an option in a select menu.</summary>
    public const int MaxOptionText = 75;

    /// <summary>Value of an option in a select menu.</summary>
    public const int MaxOptionValue = 150;

    /// <summary>Options in a static select menu.</summary>
    public const int MaxOptions = 100;

    /// <summary>Text of a button.</summary>
    public const int MaxButtonText = 75;

    /// <summary>Value of a button.</summary>
    public const int MaxButtonValue = 2000;

    /// <summary>An action id or a block id.</summary>
    public const int MaxId = 255;

    /// <summary>Placeholder of a select menu.</summary>
    public const int MaxPlaceholder = 150;

    /// <summary>The top-level fallback text the bot sends (Slack advises about 4,000 bytes).</summary>
    public const int MaxFallbackText = 3000;
}
