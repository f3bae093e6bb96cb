using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Grammar;

/// <summary>
/// The object part of a denial, read backwards from the text after "is forbidden:":
/// <c>deployments.apps "web" is forbidden:</c> gives resource <c>deployments</c>, group
/// <c>apps</c> and name <c>web</c>.
/// </summary>
/// <param name="Start">Where the prefix starts in the text.</param>
/// <param name="Resource">The resource, when the prefix names one.</param>
/// <param name="Group">The group, when the resource is group-qualified.</param>
/// <param name="Name">The quoted object name, if any.</param>
internal sealed record ForbiddenPrefix(int Start, string? Resource, string? Group, string? Name)
{
    /// <summary>
    /// Reads the prefix that ends just before <paramref name="tailStart"/> (white space allowed
    /// between). Null when the text before is not "… is forbidden:".
    /// </summary>
    public static ForbiddenPrefix? ReadBefore(string text, int tailStart)
    {
        var end = Scan.SkipSpaceBack(text, tailStart);
        if (end == 0 || text[end - 1] != ':')
        {
            return null;
        }

        end = Scan.SkipSpaceBack(text, end - 1);
        const string Forbidden = "forbidden";
        if (end < Forbidden.Length
            || string.CompareOrdinal(text, end - Forbidden.Length, Forbidden, 0, Forbidden.Length) != 0)
        {
            return null;
        }

        var isEnd = Scan.SkipSpaceBack(text, end - Forbidden.Length);
        if (isEnd < 2 || string.CompareOrdinal(text, isEnd - 2, "is", 0, 2) != 0
            || (isEnd > 2 && Scan.IsWordChar(text[isEnd - 3])))
        {
            return null;
        }

        return ReadObject(text, isEnd - 2);
    }

    /// <summary>Reads <c>resource[.group] ["name"]</c> ending at <paramref name="end"/>.</summary>
    public static ForbiddenPrefix ReadObject(string text, int end)
    {
        var start = end;
        string? name = null;
        var cursor = Scan.SkipSpaceBack(text, end);
        if (cursor > 0 && text[cursor - 1] == '"')
        {
            var open = OpeningQuote(text, cursor - 1);
            if (open >= 0)
            {
                name = text[(open + 1)..(cursor - 1)];
                start = open;
                cursor = Scan.SkipSpaceBack(text, open);
            }
        }

        var tokenStart = Scan.TokenBack(text, cursor, ResourceNames.IsTokenChar, out var token);
        if (name is null && token.Length > 0 && token.Trim('.').Length == 0)
        {
            // "pods ... is forbidden": the reporter elided the name.
            start = tokenStart;
            var before = Scan.SkipSpaceBack(text, tokenStart);
            tokenStart = Scan.TokenBack(text, before, ResourceNames.IsTokenChar, out token);
        }

        if (!ResourceNames.IsResourceToken(token))
        {
            return new ForbiddenPrefix(start, null, null, name);
        }

        var (resource, group) = ResourceNames.SplitGroup(token);
        return new ForbiddenPrefix(tokenStart, resource, group, name);
    }

    private static int OpeningQuote(string text, int closing)
    {
        var limit = Math.Max(0, closing - Scan.MaxValue);
        for (var i = closing - 1; i >= limit; i--)
        {
            if (text[i] == '"')
            {
                return i;
            }

            if (text[i] == '\n')
            {
                return -1;
            }
        }

        return -1;
    }
}
