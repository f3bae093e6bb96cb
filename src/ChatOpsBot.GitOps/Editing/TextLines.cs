namespace ChatOpsBot.GitOps.Editing;

/// <summary>One line of a text file: where it starts, its content and its line break.</summary>
/// <param name="Start">Index of the first character in the file.</param>
/// <param name="Content">The line without its break.</param>
/// <param name="Break">The break that ends it: <c>\n</c>, <c>\r\n</c>, <c>\r</c> or empty at the end.</param>
internal readonly record struct TextLine(int Start, string Content, string Break)
{
    /// <summary>Spaces and tabs only (or nothing).</summary>
    public bool IsBlank => Content.AsSpan().Trim(" \t\uFEFF").IsEmpty;

    /// <summary>A YAML comment line (<c># …</c> after optional indentation).</summary>
    public bool IsComment => Content.AsSpan().TrimStart(" \t\uFEFF").StartsWith("#");

    /// <summary>A YAML document start marker at column 0 (<c>---</c>, alone or followed by a space).</summary>
    public bool IsDocumentStart => IsMarker("---");

    /// <summary>A YAML document end marker at column 0 (<c>...</c>).</summary>
    public bool IsDocumentEnd => IsMarker("...");

    /// <summary>A YAML directive (<c>%YAML 1.2</c>), which precedes a document.</summary>
    public bool IsDirective => Content.StartsWith('%');

    /// <summary>Neither blank nor a comment nor a marker: part of a document's content.</summary>
    public bool IsContent => !IsBlank && !IsComment && !IsDocumentStart && !IsDocumentEnd && !IsDirective;

    private bool IsMarker(string marker)
    {
        // YAML forbids these markers at column 0 inside scalars, so a line-level test is exact.
        var text = Content.AsSpan().TrimStart('\uFEFF');
        return text.StartsWith(marker, StringComparison.Ordinal)
            && (text.Length == marker.Length || text[marker.Length] is ' ' or '\t');
    }
}

/// <summary>Splits text into lines that keep their exact line breaks.</summary>
internal static class TextLines
{
    /// <summary>Every line of the text; joined back (content + break) they give the text unchanged.</summary>
    public static IReadOnlyList<TextLine> Split(string text)
    {
        var lines = new List<TextLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(new TextLine(start, text[start..i], "\n"));
                start = i + 1;
            }
            else if (text[i] == '\r')
            {
                var crlf = i + 1 < text.Length && text[i + 1] == '\n';
                lines.Add(new TextLine(start, text[start..i], crlf ? "\r\n" : "\r"));
                start = i + (crlf ? 2 : 1);
                i += crlf ? 1 : 0;
            }
        }

        if (start < text.Length)
        {
            lines.Add(new TextLine(start, text[start..], ""));
        }

        return lines;
    }

    /// <summary>
    /// The break the file uses most (<c>\r\n</c> or <c>\n</c>); <c>\n</c> for text without breaks.
    /// </summary>
    public static string DominantBreak(IReadOnlyList<TextLine> lines)
    {
        var crlf = lines.Count(line => line.Break == "\r\n");
        var lf = lines.Count(line => line.Break == "\n");
        return crlf > lf ? "\r\n" : "\n";
    }

    /// <summary>True when the text is empty or its last line ends with a line break.</summary>
    public static bool EndsWithBreak(string text) => text.Length == 0 || text[^1] is '\n' or '\r';

    /// <summary>The text with every line break written as <paramref name="lineBreak"/>.</summary>
    public static string WithBreaks(string text, string lineBreak) =>
        string.Concat(Split(text).Select(line => line.Content + (line.Break.Length > 0 ? lineBreak : "")));
}
