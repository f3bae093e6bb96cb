using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Context;

/// <summary>
/// The verb a tool's wording implies when the denial itself names none: kubectl's "error
/// when creating", a controller's "Error creating:", Helm's "failed to create", kubectl
/// apply's "error when retrieving current configuration" (a get) or "error when applying
/// patch".
/// </summary>
internal static class VerbCues
{
    private const int Window = 400;

    private static readonly Regex Cue = Patterns.LinearIgnoreCase(
        @"\b(?<w>creat(e|ed|ing)|updat(e|ed|ing)|patch(ed|ing)?|delet(e|ed|ing)|replac(e|ed|ing)"
        + @"|retriev(e|ed|ing))\b");

    /// <summary>The verb cued on the same line before <paramref name="position"/>; null if none.</summary>
    public static string? Before(PasteText text, int position)
    {
        var start = Math.Max(text.LineStart(position), position - Window);
        if (!HasCueStem(text.Value, start, position - start))
        {
            return null;
        }

        var window = text.Slice(start, position);
        var matches = Cue.Matches(window);
        return matches.Count == 0 ? null : ToVerb(matches[^1].Groups["w"].Value);
    }

    // A vectorised look for the word stems before running the regex on the window.
    private static bool HasCueStem(string text, int start, int count)
    {
        foreach (var stem in (ReadOnlySpan<string>)["reat", "pdat", "atch", "elet", "eplac", "etriev"])
        {
            if (text.IndexOf(stem, start, count, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string ToVerb(string word) => word.ToLowerInvariant() switch
    {
        var w when w.StartsWith("creat", StringComparison.Ordinal) => "create",
        var w when w.StartsWith("updat", StringComparison.Ordinal) => "update",
        var w when w.StartsWith("patch", StringComparison.Ordinal) => "patch",
        var w when w.StartsWith("delet", StringComparison.Ordinal) => "delete",
        var w when w.StartsWith("replac", StringComparison.Ordinal) => "update",
        _ => "get",
    };
}
