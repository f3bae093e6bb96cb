using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>Finds the Slack-style user mentions (<c>&lt;@U…&gt;</c>) in text, in one linear scan.</summary>
public static class TeamsMentions
{
    /// <summary>The most distinct users looked up for one message.</summary>
    public const int MaxUsers = 50;

    /// <summary>
    /// The distinct user ids mentioned in <paramref name="text"/>, at most <see cref="MaxUsers"/>.
    /// </summary>
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

    /// <summary>
    /// The distinct user ids mentioned in the text values of <paramref name="blocks"/> (read
    /// from the values themselves: serialized JSON escapes the angle brackets).
    /// </summary>
    /// <param name="text">The message's fallback text.</param>
    /// <param name="blocks">The message's Block Kit blocks, or null.</param>
    /// <returns>The ids, at most <see cref="MaxUsers"/>.</returns>
    public static IReadOnlyList<string> UserIds(string? text, JsonNode? blocks)
    {
        var found = new List<string>(UserIds(text));
        var pending = new Stack<JsonNode>();
        if (blocks is not null)
        {
            pending.Push(blocks);
        }

        while (pending.Count > 0 && found.Count < MaxUsers)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        if (child is not null)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array.OfType<JsonNode>())
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonValue value
                    when value.TryGetValue<string>(out var s) && s.Contains("<@", StringComparison.Ordinal):
                    found.AddRange(UserIds(s).Where(id => !found.Contains(id, StringComparer.Ordinal)));
                    break;
            }
        }

        return found.Take(MaxUsers).ToList();
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
}
