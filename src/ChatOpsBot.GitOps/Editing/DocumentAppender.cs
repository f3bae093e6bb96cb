using System.Text;

namespace ChatOpsBot.GitOps.Editing;

/// <summary>
/// Writes new documents at the end of a YAML file in the file's own layout: its line breaks,
/// its <c>---</c> habit, the blank lines around separators and the comment that introduces each
/// object. The existing text is never rewritten; at most a missing final line break is added.
/// </summary>
internal static class DocumentAppender
{
    /// <summary>The text to add after the file's existing text (which is kept as it is).</summary>
    /// <param name="original">The file's text.</param>
    /// <param name="style">Its layout.</param>
    /// <param name="header">Comment lines to introduce the first new document (may be empty).</param>
    /// <param name="documents">The documents, <c>\n</c>-separated lines without final break.</param>
    public static string Addition(string original, YamlFileStyle style, IReadOnlyList<string> header, IReadOnlyList<string> documents)
    {
        var br = style.LineBreak;
        var text = new StringBuilder();
        if (!TextLines.EndsWithBreak(original))
        {
            text.Append(br);
        }

        var hasDocuments = style.Documents.Count > 0;
        var trailingBlanks = style.TrailingBlankLines;
        for (var i = 0; i < documents.Count; i++)
        {
            var intro = i == 0 ? header : [];
            if (style.TrailingSeparator)
            {
                // "a\n---\n": the file's last separator already opens the new document.
                Blanks(text, (i == 0 ? style.GapAfter - trailingBlanks : style.GapAfter), br);
                Lines(text, intro, br);
                Lines(text, [documents[i]], br);
                Blanks(text, style.GapBefore, br);
                text.Append("---").Append(br);
                continue;
            }

            if (!hasDocuments && i == 0)
            {
                // Nothing to separate from: a comment-only or empty file takes the document as is.
                Lines(text, intro, br);
                Lines(text, [documents[i]], br);
                continue;
            }

            Blanks(text, i == 0 ? style.GapBefore - trailingBlanks : style.GapBefore, br);
            if (style.Placement == CommentPlacement.BeforeSeparator)
            {
                Lines(text, intro, br);
            }

            text.Append("---").Append(br);
            Blanks(text, style.GapAfter, br);
            if (style.Placement == CommentPlacement.AfterSeparator)
            {
                Lines(text, intro, br);
            }

            Lines(text, [documents[i]], br);
        }

        return text.ToString();
    }

    /// <summary>A new file laid out like a model file (or plainly when there is none).</summary>
    public static string NewFile(YamlFileStyle? model, IReadOnlyList<string> header, IReadOnlyList<string> documents)
    {
        var br = model?.LineBreak ?? "\n";
        var text = new StringBuilder();
        for (var i = 0; i < documents.Count; i++)
        {
            var intro = i == 0 ? header : [];
            var separate = i > 0 || model is { LeadingSeparator: true };
            if (i > 0)
            {
                Blanks(text, model?.GapBefore ?? 0, br);
            }

            if (model?.Placement == CommentPlacement.BeforeSeparator)
            {
                Lines(text, intro, br);
            }

            if (separate)
            {
                text.Append("---").Append(br);
                Blanks(text, model?.GapAfter ?? 0, br);
            }

            if (model?.Placement != CommentPlacement.BeforeSeparator)
            {
                Lines(text, intro, br);
            }

            Lines(text, [documents[i]], br);
        }

        if (model is { TrailingSeparator: true })
        {
            text.Append("---").Append(br);
        }

        return text.ToString();
    }

    private static void Blanks(StringBuilder text, int count, string br)
    {
        for (var i = 0; i < count; i++)
        {
            text.Append(br);
        }
    }

    private static void Lines(StringBuilder text, IEnumerable<string> lines, string br)
    {
        foreach (var line in lines)
        {
            text.Append(TextLines.WithBreaks(line, br)).Append(br);
        }
    }
}
