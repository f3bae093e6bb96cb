namespace ChatOpsBot.Core.Parsing.Text;

/// <summary>
/// A normalised paste with an index of its line starts, so rules can ask "which line is this
/// position on" in logarithmic time instead of rescanning megabytes.
/// </summary>
internal sealed class PasteText
{
    /// <summary>
    /// The most text a rule looks at around one match. Lines can be megabytes long (logs
    /// with lost newlines); reading whole lines per match would make parsing quadratic.
    /// </summary>
    public const int MaxWindow = 3000;

    private readonly int[] _lineStarts;

    public PasteText(string normalized)
    {
        Value = normalized;

        var starts = new List<int> { 0 };
        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>The normalised text.</summary>
    public string Value { get; }

    /// <summary>The length of the text.</summary>
    public int Length => Value.Length;

    /// <summary>The zero-based line number holding <paramref name="position"/>.</summary>
    public int LineOf(int position)
    {
        var index = Array.BinarySearch(_lineStarts, Math.Clamp(position, 0, Value.Length));
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Where the line holding <paramref name="position"/> starts.</summary>
    public int LineStart(int position) => _lineStarts[LineOf(position)];

    /// <summary>Where the line holding <paramref name="position"/> ends (its newline, or the end).</summary>
    public int LineEnd(int position)
    {
        var next = LineOf(position) + 1;
        return next < _lineStarts.Length ? _lineStarts[next] - 1 : Value.Length;
    }

    /// <summary>The start of the line <paramref name="lines"/> lines before the position's line.</summary>
    public int LinesBefore(int position, int lines) => _lineStarts[Math.Max(0, LineOf(position) - lines)];

    /// <summary>The end of the line <paramref name="lines"/> lines after the position's line.</summary>
    public int LinesAfter(int position, int lines)
    {
        var next = LineOf(position) + lines + 1;
        return next < _lineStarts.Length ? _lineStarts[next] - 1 : Value.Length;
    }

    /// <summary>True when the text holds <paramref name="literal"/>.</summary>
    public bool Has(string literal) => Value.Contains(literal, StringComparison.Ordinal);

    /// <summary>
    /// The matches of <paramref name="pattern"/>, or none without a scan when the text lacks
    /// <paramref name="literal"/> (a vectorised search is far cheaper than a regex pass).
    /// </summary>
    public IEnumerable<System.Text.RegularExpressions.Match> MatchesWith(
        System.Text.RegularExpressions.Regex pattern, string literal) =>
        Has(literal) ? pattern.Matches(Value) : [];

    /// <summary>The text between two positions, clamped to the text.</summary>
    public string Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, Value.Length);
        end = Math.Clamp(end, start, Value.Length);
        return Value[start..end];
    }
}
