using System.Text;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Writes Teams TextBlock markdown within a length budget. Literal text is escaped so that
/// nothing in it can start markdown: the characters of emphasis, links, code, html and
/// headings get a backslash, and list or heading markers only where a line starts. Formatting
/// markers the bot itself writes are opened and closed through <see cref="Open"/> and
/// <see cref="Close"/>, which reserve room for the closer, so a cut text stays balanced.
/// </summary>
internal sealed class MarkdownWriter
{
    /// <summary>A line break in a TextBlock: Teams markdown needs an empty line for one.</summary>
    public const string LineBreak = "\n\n";

    private const char NoBreakSpace = '\u00A0';

    private readonly StringBuilder _out = new();
    private readonly int _max;
    private int _reserved;
    private LinePosition _line = LinePosition.Start;

    /// <summary>Creates a writer whose output stays within <paramref name="maxLength"/> characters.</summary>
    public MarkdownWriter(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        _max = maxLength;
    }

    private enum LinePosition
    {
        Start,
        Digits,
        Inside,
    }

    /// <summary>True once something did not fit; the output then ends with an ellipsis.</summary>
    public bool Truncated { get; private set; }

    /// <summary>True when nothing has been written on the current line yet.</summary>
    public bool AtLineStart => _line == LinePosition.Start;

    /// <summary>The characters written so far.</summary>
    public int Length => _out.Length;

    /// <summary>Escapes inline text (a link label, say) with no line-start rules.</summary>
    public static string EscapeInline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                builder.Append(c is '\n' or '\t' or '\r' ? ' ' : "");
                continue;
            }

            if (NeedsBackslash(c, Before(text, i), After(text, i)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Writes literal text, escaped; line breaks become TextBlock line breaks.</summary>
    public void Literal(string text)
    {
        for (var i = 0; i < text.Length && !Truncated; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Append(text.Substring(i, 2), LinePosition.Inside);
                i++;
                continue;
            }

            Literal(c, Before(text, i), After(text, i));
        }
    }

    /// <summary>Writes one literal character, escaped by its neighbours in the source.</summary>
    public void Literal(char c, char before, char after)
    {
        if (Truncated)
        {
            return;
        }

        switch (c)
        {
            case '\n':
                NewLine();
                return;
            case '\r':
                return;
            case ' ' or '\t' when _line == LinePosition.Start:
                // Leading spaces would be dropped, or turn the line into a code block.
                Append(NoBreakSpace.ToString(), LinePosition.Start);
                return;
            case '\t':
                Append(" ", LinePosition.Inside);
                return;
        }

        if (char.IsControl(c) || char.IsSurrogate(c))
        {
            // Stray control characters and half surrogate pairs carry nothing worth showing.
            return;
        }

        var next = _line == LinePosition.Start && char.IsAsciiDigit(c) ? LinePosition.Digits
            : _line == LinePosition.Digits && char.IsAsciiDigit(c) ? LinePosition.Digits
            : LinePosition.Inside;
        var escape = NeedsBackslash(c, before, after)
                     || (_line == LinePosition.Start && c is '-' or '+' or '=' or '|')
                     || (_line == LinePosition.Digits && c is '.' or ')');
        Append(escape ? "\\" + c : c.ToString(), next);
    }

    /// <summary>Writes a line break (an empty line, which is what Teams shows as one).</summary>
    public void NewLine()
    {
        Append(LineBreak, LinePosition.Start);
    }

    /// <summary>Writes formatting the bot produced itself, whole or not at all.</summary>
    public void Raw(string markup)
    {
        Append(markup, LinePosition.Inside);
    }

    /// <summary>Opens a formatting span, reserving room to close it; false when it does not fit.</summary>
    public bool Open(string marker)
    {
        if (Truncated || !Fits(marker.Length * 2))
        {
            Truncate();
            return false;
        }

        _out.Append(marker);
        _reserved += marker.Length;
        _line = LinePosition.Inside;
        return true;
    }

    /// <summary>Closes a span opened by <see cref="Open"/> (always fits: its room was reserved).</summary>
    public void Close(string marker)
    {
        _reserved -= marker.Length;
        _out.Append(marker);
        _line = LinePosition.Inside;
    }

    /// <summary>Stops writing and marks the cut with an ellipsis.</summary>
    public void Truncate()
    {
        if (!Truncated)
        {
            Truncated = true;
            _out.Append(TeamsMarkdown.Ellipsis[0]);
        }
    }

    /// <inheritdoc />
    public override string ToString() => _out.ToString();

    // The ASCII punctuation Teams markdown can read as syntax anywhere in a line. An underscore
    // between two letters or digits can neither open nor close emphasis, so it stays as is.
    private static bool NeedsBackslash(char c, char before, char after) => c switch
    {
        '\\' or '*' or '`' or '[' or ']' or '<' or '>' or '~' or '#' => true,
        '_' => !(char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)),
        '&' => char.IsAsciiLetter(after) || after == '#',
        // "](" is the heart of a link; breaking it holds even where escapes are not honoured.
        '(' => before == ']',
        _ => false,
    };

    private static char Before(string text, int i) => i > 0 ? text[i - 1] : ' ';

    private static char After(string text, int i) => i + 1 < text.Length ? text[i + 1] : ' ';

    // One more character is always kept free for the ellipsis.
    private bool Fits(int length) => _out.Length + length + _reserved + TeamsMarkdown.Ellipsis.Length <= _max;

    private void Append(string unit, LinePosition next)
    {
        if (Truncated)
        {
            return;
        }

        if (!Fits(unit.Length))
        {
            Truncate();
            return;
        }

        _out.Append(unit);
        _line = next;
    }
}
