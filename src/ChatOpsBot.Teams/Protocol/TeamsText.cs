using System.Text;

namespace ChatOpsBot.Teams.Protocol;

/// <summary>Turns Teams message text into the plain text a diagnosis needs.</summary>
public static class TeamsText
{
    /// <summary>
    /// Removes the markup of the given mentions from <paramref name="text"/>: a mention of the bot
    /// itself (<paramref name="botId"/>; every mention when it is null) disappears, a mention of
    /// anyone else is replaced by the plain name, since "can't <c>@Alice</c> exec" needs Alice.
    /// Runs of spaces are then collapsed and the ends trimmed. Plain string search only: linear in the input.
    /// </summary>
    public static string StripMentions(string? text, IEnumerable<TeamsMention> mentions, string? botId)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = text;
        foreach (var mention in mentions)
        {
            if (mention.Text.Length == 0)
            {
                continue;
            }

            var isBot = botId is null || string.Equals(mention.MentionedId, botId, StringComparison.Ordinal);
            var replacement = isBot ? " " : " " + (mention.MentionedName ?? InnerText(mention.Text)) + " ";
            result = result.Replace(mention.Text, replacement, StringComparison.Ordinal);
        }

        return CollapseWhiteSpace(result);
    }

    /// <summary>The text between the tags of <c>&lt;at&gt;name&lt;/at&gt;</c>.</summary>
    private static string InnerText(string markup)
    {
        var start = markup.IndexOf('>', StringComparison.Ordinal);
        var end = markup.LastIndexOf('<');
        return start >= 0 && end > start ? markup[(start + 1)..end] : markup;
    }

    /// <summary>Runs of spaces become one; line breaks stay, since pasted errors span lines.</summary>
    private static string CollapseWhiteSpace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\n')
            {
                builder.Append('\n');
                pendingSpace = false;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0 && builder[^1] != '\n';
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }
}
