using System.Text;

namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>
/// Splits a command line into words as a POSIX shell does for simple commands: white space
/// separates, quotes group, a backslash escapes. Anything that would need a real shell to mean
/// what it says (operators, redirections, expansions) is refused rather than guessed at.
/// </summary>
internal static class ShellWords
{
    private const string ShellOnly = "&|;<>()$`*?[]{}~";

    /// <summary>The words of <paramref name="text"/>.</summary>
    /// <exception cref="NotSupportedException">
    /// The text needs a shell (e.g. <c>&amp;&amp;</c>, <c>$HOME</c>).
    /// </exception>
    /// <exception cref="FormatException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                Finish(words, word, ref inWord);
                continue;
            }

            inWord = true;
            switch (c)
            {
                case '\'':
                    i = ReadSingleQuoted(text, i, word);
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i, word);
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    break;
                default:
                    if (ShellOnly.Contains(c, StringComparison.Ordinal) || (c == '#' && word.Length == 0))
                    {
                        throw new NotSupportedException(
                            $"'{c}' needs a shell to mean what it says; "
                            + $"write the step as a plain command: {text}");
                    }

                    word.Append(c);
                    break;
            }
        }

        Finish(words, word, ref inWord);
        return words;
    }

    private static int ReadSingleQuoted(string text, int open, StringBuilder word)
    {
        var close = text.IndexOf('\'', open + 1);
        if (close < 0)
        {
            throw new FormatException($"a single quote is not closed: {text}");
        }

        word.Append(text, open + 1, close - open - 1);
        return close;
    }

    private static int ReadDoubleQuoted(string text, int open, StringBuilder word)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i;
            }

            if (c is '$' or '`')
            {
                throw new NotSupportedException($"'{c}' inside double quotes needs a shell: {text}");
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                c = text[++i];
            }

            word.Append(c);
        }

        throw new FormatException($"a double quote is not closed: {text}");
    }

    private static void Finish(List<string> words, StringBuilder word, ref bool inWord)
    {
        if (inWord)
        {
            words.Add(word.ToString());
        }

        word.Clear();
        inWord = false;
    }
}
