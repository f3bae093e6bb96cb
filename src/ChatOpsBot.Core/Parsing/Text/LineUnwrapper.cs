using System.Text;

namespace ChatOpsBot.Core.Parsing.Text;

/// <summary>
/// Removes the frames terminals and TUIs draw around text (box borders) and re-joins words
/// that a hard wrap cut in two. A break is joined without a space only when that is clearly
/// right: inside a quoted value that the line left open, or when the two halves spell a word
/// of the error grammar ("Use" + "r", "cre" + "ate"). Any other break stays a line break,
/// which the grammar reads as white space.
/// </summary>
internal static class LineUnwrapper
{
    // Words of the messages we read; two fragments that spell one of these were one word.
    private static readonly HashSet<string> Vocabulary = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "cannot", "create", "creating", "update", "delete", "patch", "list", "watch",
        "impersonate", "resource", "resources", "namespace", "forbidden", "cluster", "scope",
        "group", "escalate", "privileges", "permission", "unauthorized", "policyrule", "denied",
        "request", "webhook", "admission", "violates", "podsecurity", "terminated", "credentials",
        "replica", "deployment", "serviceaccount", "attempt", "required",
    };

    static LineUnwrapper()
    {
        foreach (var resource in Context.KnownResources.Names)
        {
            Vocabulary.Add(resource);
        }
    }

    private const int MaxFragment = 64;

    /// <summary>Strips borders from every line and joins hard-wrapped words.</summary>
    public static string Unwrap(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) && !HasBorder(text))
        {
            return text;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = StripBorders(lines[i]);
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(lines[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            if (!JoinsWithoutBreak(lines[i - 1], lines[i]))
            {
                sb.Append('\n');
            }

            sb.Append(lines[i]);
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Borders =
        System.Buffers.SearchValues.Create("│┃║╎┆╏");

    private static bool HasBorder(string text) => text.AsSpan().IndexOfAny(Borders) >= 0;

    private static bool IsBorder(char c) => c is '│' or '┃' or '║' or '╎' or '┆' or '╏';

    // "│ text │" → "text"; a line of a TUI pane or a Terraform diagnostic box.
    private static string StripBorders(string line)
    {
        var start = 0;
        while (start < line.Length && line[start] == ' ')
        {
            start++;
        }

        if (start < line.Length && IsBorder(line[start]))
        {
            start++;
            if (start < line.Length && line[start] == ' ')
            {
                start++;
            }
        }
        else
        {
            start = 0;
        }

        var end = line.Length;
        while (end > start && line[end - 1] == ' ')
        {
            end--;
        }

        if (end > start && IsBorder(line[end - 1]))
        {
            end--;
            while (end > start && line[end - 1] == ' ')
            {
                end--;
            }
        }
        else
        {
            end = line.Length;
        }

        return start == 0 && end == line.Length ? line : line[start..end];
    }

    private static bool JoinsWithoutBreak(string previous, string next)
    {
        if (previous.Length == 0 || next.Length == 0 || char.IsWhiteSpace(previous[^1])
            || char.IsWhiteSpace(next[0]))
        {
            return false;
        }

        return ContinuesOpenQuote(previous, next) || SpellsGrammarWord(previous, next);
    }

    // `User "system:serviceaccount:ns:provide` + `r-name" cannot …`: the quote was left open.
    private static bool ContinuesOpenQuote(string previous, string next)
    {
        var tokenStart = previous.LastIndexOf(' ') + 1;
        if (previous.Length - tokenStart > 512 || previous[tokenStart] != '"'
            || previous.IndexOf('"', tokenStart + 1) >= 0)
        {
            return false;
        }

        var tokenEnd = next.IndexOf(' ');
        var firstToken = tokenEnd < 0 ? next : next[..tokenEnd];
        return firstToken.Contains('"', StringComparison.Ordinal);
    }

    private static bool SpellsGrammarWord(string previous, string next)
    {
        var tail = 0;
        while (tail < previous.Length && tail < MaxFragment && char.IsLetter(previous[^(tail + 1)]))
        {
            tail++;
        }

        var head = 0;
        while (head < next.Length && head < MaxFragment && char.IsLetter(next[head]))
        {
            head++;
        }

        if (tail == 0 || head == 0)
        {
            return false;
        }

        var joined = string.Concat(previous.AsSpan(previous.Length - tail), next.AsSpan(0, head));
        return Vocabulary.Contains(joined);
    }
}
