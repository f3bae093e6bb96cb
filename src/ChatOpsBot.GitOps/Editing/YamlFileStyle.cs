namespace ChatOpsBot.GitOps.Editing;

/// <summary>Where a file puts the comment that introduces a document.</summary>
internal enum CommentPlacement
{
    /// <summary><c>---</c>, then <c># hello namespace</c>, then the object.</summary>
    AfterSeparator,

    /// <summary><c># hello namespace</c>, then <c>---</c>, then the object.</summary>
    BeforeSeparator,
}

/// <summary>One document of a file that has content, located by lines.</summary>
/// <param name="Separator">Index of the <c>---</c> line that opens it, or null.</param>
/// <param name="FirstContent">Index of its first content line.</param>
/// <param name="Intro">The comment lines that introduce it (placement per the file's style).</param>
internal sealed record DocumentBlock(int? Separator, int FirstContent, IReadOnlyList<string> Intro);

/// <summary>
/// How a multi-document YAML file is laid out, learned from its lines: line breaks, separators,
/// blank lines around them, and the comments that introduce each document.
/// </summary>
internal sealed class YamlFileStyle
{
    private YamlFileStyle(
        string lineBreak, IReadOnlyList<TextLine> lines, IReadOnlyList<DocumentBlock> documents,
        CommentPlacement placement, int gapBefore, int gapAfter, bool leadingSeparator, bool trailingSeparator)
    {
        LineBreak = lineBreak;
        Lines = lines;
        Documents = documents;
        Placement = placement;
        GapBefore = gapBefore;
        GapAfter = gapAfter;
        LeadingSeparator = leadingSeparator;
        TrailingSeparator = trailingSeparator;
    }

    /// <summary>The line break to write: the one the file uses most.</summary>
    public string LineBreak { get; }

    /// <summary>The file's lines.</summary>
    public IReadOnlyList<TextLine> Lines { get; }

    /// <summary>The documents that have content, in order.</summary>
    public IReadOnlyList<DocumentBlock> Documents { get; }

    /// <summary>Where introducing comments go.</summary>
    public CommentPlacement Placement { get; }

    /// <summary>Blank lines between one document and the next one's <c>---</c> (or its comment).</summary>
    public int GapBefore { get; }

    /// <summary>Blank lines right after a <c>---</c>.</summary>
    public int GapAfter { get; }

    /// <summary>The first document is opened by <c>---</c>.</summary>
    public bool LeadingSeparator { get; }

    /// <summary>Every document is closed by <c>---</c> (the last line with content is a separator).</summary>
    public bool TrailingSeparator { get; }

    /// <summary>Blank lines at the very end of the file.</summary>
    public int TrailingBlankLines => Lines.Reverse().TakeWhile(line => line.IsBlank).Count();

    /// <summary>Learns the style of a file.</summary>
    public static YamlFileStyle Of(string text)
    {
        var lines = TextLines.Split(text);
        var blocks = Blocks(lines);
        var placement = ChoosePlacement(lines, blocks);
        var documents = blocks
            .Select(block => block with { Intro = placement == CommentPlacement.AfterSeparator
                ? CommentsAbove(lines, block.FirstContent, stopAt: block.Separator ?? -1)
                : block.Separator is { } separator ? CommentsAbove(lines, separator, stopAt: -1) : [] })
            .ToList();

        var lastContent = LastIndex(lines, line => line.IsContent);
        var trailing = lastContent >= 0 && LastIndex(lines, line => line.IsDocumentStart) > lastContent;
        return new YamlFileStyle(
            TextLines.DominantBreak(lines), lines, documents, placement,
            Mode(GapsBefore(lines, documents, placement)), Mode(GapsAfter(lines, documents)),
            documents.Count > 0 && documents[0].Separator is not null, trailing);
    }

    private static List<DocumentBlock> Blocks(IReadOnlyList<TextLine> lines)
    {
        var blocks = new List<DocumentBlock>();
        int? separator = null;
        var inDocument = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsDocumentStart || line.IsDocumentEnd)
            {
                separator = line.IsDocumentStart ? i : null;
                inDocument = false;
            }
            else if (line.IsContent && !inDocument)
            {
                blocks.Add(new DocumentBlock(separator, i, []));
                inDocument = true;
            }
        }

        return blocks;
    }

    private static CommentPlacement ChoosePlacement(IReadOnlyList<TextLine> lines, List<DocumentBlock> blocks)
    {
        var after = blocks.Count(block => CommentsAbove(lines, block.FirstContent, block.Separator ?? -1).Count > 0);
        var before = blocks.Count(block =>
            block.Separator is { } separator && CommentsAbove(lines, separator, -1).Count > 0);
        return before > after ? CommentPlacement.BeforeSeparator : CommentPlacement.AfterSeparator;
    }

    // The comment lines directly above a line, with no blank line between them and it.
    private static List<string> CommentsAbove(IReadOnlyList<TextLine> lines, int index, int stopAt)
    {
        var comments = new List<string>();
        for (var i = index - 1; i > stopAt && lines[i].IsComment; i--)
        {
            comments.Insert(0, lines[i].Content);
        }

        return comments;
    }

    private static IEnumerable<int> GapsBefore(
        IReadOnlyList<TextLine> lines, List<DocumentBlock> documents, CommentPlacement placement)
    {
        foreach (var document in documents)
        {
            if (document.Separator is not { } separator)
            {
                continue;
            }

            var top = placement == CommentPlacement.BeforeSeparator ? separator - document.Intro.Count : separator;
            var blanks = 0;
            var i = top - 1;
            for (; i >= 0 && lines[i].IsBlank; i--)
            {
                blanks++;
            }

            // Only a gap that follows something counts: blank lines at the top of a file do not.
            if (i >= 0)
            {
                yield return blanks;
            }
        }
    }

    private static IEnumerable<int> GapsAfter(IReadOnlyList<TextLine> lines, List<DocumentBlock> documents)
    {
        foreach (var document in documents)
        {
            if (document.Separator is { } separator)
            {
                var blanks = 0;
                for (var i = separator + 1; i < lines.Count && lines[i].IsBlank; i++)
                {
                    blanks++;
                }

                yield return blanks;
            }
        }
    }

    // The most common value (the smallest of equally common ones); 0 without evidence.
    private static int Mode(IEnumerable<int> values) =>
        values.GroupBy(value => Math.Min(value, 3))
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key)
            .Select(group => group.Key).FirstOrDefault();

    private static int LastIndex(IReadOnlyList<TextLine> lines, Func<TextLine, bool> predicate)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (predicate(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
