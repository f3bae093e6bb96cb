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

        // Entities are the sender's to write: only real <at> tags are replaced, by a bounded name,
        // and the text may grow by a bounded amount in all, however many entities there are.
        var result = text;
        var growthLimit = text.Length + MaxGrowth;
        foreach (var mention in mentions.Take(MaxMentions))
        {
            if (!IsAtTag(mention.Text))
            {
                continue;
            }

            var isBot = botId is null || string.Equals(mention.MentionedId, botId, StringComparison.Ordinal);
            var name = mention.MentionedName ?? InnerText(mention.Text);
            var replacement = isBot ? " " : " " + (name.Length > MaxName ? name[..MaxName] : name) + " ";
            var replaced = result.Replace(mention.Text, replacement, StringComparison.Ordinal);
            if (replaced.Length > growthLimit)
            {
                break;
            }

            result = replaced;
        }

        return CollapseWhiteSpace(result);
    }

    private const int MaxMentions = 64;
    private const int MaxName = 256;
    private const int MaxGrowth = 16_384;

    private static bool IsAtTag(string markup) =>
        markup.Length is > 0 and <= 1024
        && markup.StartsWith("<at", StringComparison.OrdinalIgnoreCase)
        && markup.EndsWith("</at>", StringComparison.OrdinalIgnoreCase);

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
