using System.Text;

namespace ChatOpsBot.Core.Parsing.Text;

/// <summary>
/// Small forward and backward readers over the normalised text. Each returns the position
/// after what it read, or -1 when the text does not have that shape there. Every read is
/// bounded, so a hostile paste cannot make one read long.
/// </summary>
internal static class Scan
{
    /// <summary>The longest quoted value or token the grammar accepts.</summary>
    public const int MaxValue = 512;

    /// <summary>Skips spaces (and line breaks when <paramref name="lines"/>) from a position.</summary>
    public static int SkipSpace(string text, int i, bool lines = true)
    {
        var limit = Math.Min(text.Length, i + MaxValue);
        while (i < limit && (text[i] == ' ' || (lines && text[i] == '\n')))
        {
            i++;
        }

        return i;
    }

    /// <summary>Skips spaces and line breaks backwards; returns the index after the last non-space.</summary>
    public static int SkipSpaceBack(string text, int end)
    {
        var limit = Math.Max(0, end - MaxValue);
        while (end > limit && text[end - 1] is ' ' or '\n')
        {
            end--;
        }

        return end;
    }

    /// <summary>True when <paramref name="c"/> can be part of a word.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Reads <paramref name="word"/> at <paramref name="i"/>, as a whole word.</summary>
    public static int Word(string text, int i, string word)
    {
        if (i < 0 || i + word.Length > text.Length
            || string.CompareOrdinal(text, i, word, 0, word.Length) != 0)
        {
            return -1;
        }

        var end = i + word.Length;
        return end < text.Length && IsWordChar(text[end]) && IsWordChar(word[^1]) ? -1 : end;
    }

    /// <summary>Reads words separated by white space, line breaks included: "at the cluster scope".</summary>
    public static int Phrase(string text, int i, params string[] words)
    {
        for (var w = 0; w < words.Length && i >= 0; w++)
        {
            if (w > 0)
            {
                var spaced = SkipSpace(text, i);
                if (spaced == i)
                {
                    return -1;
                }

                i = spaced;
            }

            i = Word(text, i, words[w]);
        }

        return i;
    }

    /// <summary>
    /// Reads a double-quoted value at <paramref name="i"/>. A value may not span lines; one
    /// left open at the end of a line or of the text is accepted only when
    /// <paramref name="allowOpen"/> (pastes lose closing quotes). The API server quotes names
    /// the way Go's <c>%q</c> does, so <c>\"</c> and <c>\\</c> inside are an escaped quote
    /// and backslash.
    /// </summary>
    public static int Quoted(string text, int i, out string value, bool allowOpen = false)
    {
        value = "";
        if (i < 0 || i >= text.Length || text[i] != '"')
        {
            return -1;
        }

        var limit = Math.Min(text.Length, i + 1 + MaxValue);
        var escaped = false;
        for (var j = i + 1; j < limit; j++)
        {
            if (text[j] == '\\' && j + 1 < limit && text[j + 1] is '"' or '\\')
            {
                escaped = true;
                j++;
                continue;
            }

            if (text[j] == '"')
            {
                value = escaped ? Unescape(text[(i + 1)..j]) : text[(i + 1)..j];
                return j + 1;
            }

            if (text[j] == '\n')
            {
                return allowOpen ? Open(text, i, j, out value) : -1;
            }
        }

        return allowOpen && limit == text.Length ? Open(text, i, limit, out value) : -1;
    }

    // Only the two escapes the loop above accepted; anything else stays as written.
    private static string Unescape(string quoted)
    {
        var sb = new StringBuilder(quoted.Length);
        for (var k = 0; k < quoted.Length; k++)
        {
            if (quoted[k] == '\\' && k + 1 < quoted.Length && quoted[k + 1] is '"' or '\\')
            {
                k++;
            }

            sb.Append(quoted[k]);
        }

        return sb.ToString();
    }

    private static int Open(string text, int quote, int end, out string value)
    {
        value = text[(quote + 1)..end].TrimEnd();
        return value.Length == 0 ? -1 : end;
    }

    /// <summary>Reads a run of characters that satisfy <paramref name="accept"/>; -1 when empty.</summary>
    public static int Token(string text, int i, Func<char, bool> accept, out string token)
    {
        token = "";
        var end = i;
        var limit = Math.Min(text.Length, i + MaxValue);
        while (end < limit && accept(text[end]))
        {
            end++;
        }

        if (end == i)
        {
            return -1;
        }

        token = text[i..end];
        return end;
    }

    /// <summary>Reads backwards the run ending at <paramref name="end"/>; returns its start.</summary>
    public static int TokenBack(string text, int end, Func<char, bool> accept, out string token)
    {
        var start = end;
        var limit = Math.Max(0, end - MaxValue);
        while (start > limit && accept(text[start - 1]))
        {
            start--;
        }

        token = text[start..end];
        return start;
    }

    /// <summary>True when only spaces lie between <paramref name="i"/> and the end of its line.</summary>
    public static bool AtLineEnd(string text, int i)
    {
        i = SkipSpace(text, i, lines: false);
        return i >= text.Length || text[i] == '\n';
    }
}
