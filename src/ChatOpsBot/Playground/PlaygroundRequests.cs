namespace ChatOpsBot.Playground;

/// <summary>The page posts a message (or a slash command) as one of the playground's roles.</summary>
/// <param name="Role"><c>developer</c> or <c>admin</c>.</param>
/// <param name="Text">What was typed or pasted.</param>
/// <param name="Channel">The channel; the team channel when absent.</param>
/// <param name="ThreadTs">The thread to reply in, or null for a new message.</param>
public sealed record PlaygroundPostRequest(string? Role, string? Text, string? Channel, string? ThreadTs);

/// <summary>The page clicks a button or chooses an option of a message's blocks.</summary>
/// <param name="Role"><c>developer</c> or <c>admin</c>.</param>
/// <param name="MessageKey">The message's key, as the messages feed gave it.</param>
/// <param name="BlockIndex">The block holding the element.</param>
/// <param name="ActionId">The element's action_id.</param>
/// <param name="OptionValue">The chosen option's value, for a select menu.</param>
public sealed record PlaygroundActionRequest(
    string? Role, string? MessageKey, int BlockIndex, string? ActionId, string? OptionValue);

/// <summary>Why the playground refused something the page sent; the status and one line.</summary>
public sealed class PlaygroundRequestException(int status, string message) : Exception(message)
{
    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; } = status;
}
