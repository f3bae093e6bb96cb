namespace ChatOpsBot.Teams.Adapter;

/// <summary>Finds the Slack-style user mentions (<c>&lt;@U…&gt;</c>) in text, in one linear scan.</summary>
public static class TeamsMentions
{
    /// <summary>The most distinct users looked up for one message.</summary>
    public const int MaxUsers = 50;

    /// <summary>The distinct user ids mentioned in <paramref name="text"/>, at most <see cref="MaxUsers"/>.</summary>
    /// <param name="text">Mrkdwn text, or a serialized Block Kit array.</param>
    /// <returns>The ids, in order of first mention.</returns>
    public static IReadOnlyList<string> UserIds(string? text)
    {
        var found = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }

        var at = text.IndexOf("<@", StringComparison.Ordinal);
        while (at >= 0 && found.Count < MaxUsers)
        {
            var end = at + 2;
            while (end < text.Length && end - at <= 66 && IsIdChar(text[end]))
            {
                end++;
            }

            if (end > at + 2 && end < text.Length && text[end] is '>' or '|')
            {
                var id = text[(at + 2)..end];
                if (!found.Contains(id, StringComparer.Ordinal))
                {
                    found.Add(id);
                }
            }

            at = text.IndexOf("<@", end, StringComparison.Ordinal);
        }

        return found;
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
}
