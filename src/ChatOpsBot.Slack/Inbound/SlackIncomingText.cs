using System.Text;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Turns text as Slack delivers it (with <c>&amp;lt;</c> escapes, <c>&lt;https://…|label&gt;</c>
/// links and <c>&lt;@U123&gt;</c> mentions) back into what the user typed or pasted, so the
/// parser sees the original error text. Runs in linear time on any input.
/// </summary>
public static class SlackIncomingText
{
    // Slack's markup is short; a '<' with no '>' this close is just a character.
    private const int MaxMarkupLength = 4096;

    /// <summary>The plain text behind Slack's markup.</summary>
    public static string ToPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;

        // The next '>' at or after i, found once and reused, so the scan stays linear.
        var nextClose = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && nextClose != int.MaxValue && nextClose <= i)
            {
                var found = text.IndexOf('>', i + 1);
                nextClose = found < 0 ? int.MaxValue : found;
            }

            var isMarkup = c == '<' && nextClose != int.MaxValue && nextClose - i <= MaxMarkupLength;
            var close = isMarkup ? nextClose : -1;
            if (close < 0)
            {
                builder.Append(c);
                i++;
                continue;
            }

            builder.Append(Unwrap(text.AsSpan(i + 1, close - i - 1)));
            i = close + 1;
        }

        // Entities last: the markup above used real angle brackets.
        return builder.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&").ToString();
    }

    private static string Unwrap(ReadOnlySpan<char> inner)
    {
        var bar = inner.IndexOf('|');
        var target = bar >= 0 ? inner[..bar] : inner;
        var label = bar >= 0 ? inner[(bar + 1)..] : ReadOnlySpan<char>.Empty;
        if (target.StartsWith("@") || target.StartsWith("#"))
        {
            // <@U123|name> shows as @name; <@U123> keeps the id.
            return target[0] + (label.IsEmpty ? target[1..].ToString() : label.ToString());
        }

        if (target.StartsWith("!"))
        {
            // <!here>, <!channel>, <!subteam^S123|@team>: keep them visible but inert.
            return label.IsEmpty ? "@" + target[1..].ToString() : label.ToString();
        }

        // A link: what the user typed is the label when there is one, else the URL itself.
        return label.IsEmpty ? target.ToString() : label.ToString();
    }
}
