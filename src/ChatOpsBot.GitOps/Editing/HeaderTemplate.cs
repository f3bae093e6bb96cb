using System.Text;

namespace ChatOpsBot.GitOps.Editing;

/// <summary>
/// The comment a file puts above each object (<c># goodbye namespace</c>), as a template whose
/// namespace, name, subject and role can be filled in for a new object (<c># hello namespace</c>).
/// </summary>
internal sealed class HeaderTemplate
{
    // Control characters never appear in a comment line, so they mark placeholders safely.
    private const string NamespaceSlot = "\u0001namespace\u0001";
    private const string NameSlot = "\u0001name\u0001";
    private const string SubjectSlot = "\u0001subject\u0001";
    private const string RoleSlot = "\u0001role\u0001";

    private readonly IReadOnlyList<string> _lines;

    private HeaderTemplate(IReadOnlyList<string> lines) => _lines = lines;

    /// <summary>
    /// The template most of a file's objects are introduced with, or null when the objects have
    /// no introducing comment, or comments that differ in ways no template explains.
    /// </summary>
    /// <param name="style">The file's layout.</param>
    /// <param name="objects">The objects of each content document, in the order of <see cref="YamlFileStyle.Documents"/>.</param>
    public static HeaderTemplate? Learn(YamlFileStyle style, IReadOnlyList<RbacDocument?> objects)
    {
        if (objects.Count != style.Documents.Count)
        {
            return null;
        }

        var introduced = style.Documents.Count(document => document.Intro.Count > 0);
        if (introduced == 0 || introduced * 2 < style.Documents.Count)
        {
            return null;
        }

        var candidates = new List<(string Key, List<string> Lines, bool HasSlot, int Index)>();
        for (var i = 0; i < style.Documents.Count; i++)
        {
            var intro = style.Documents[i].Intro;
            if (intro.Count == 0 || objects[i] is not { } document || intro.Any(line => line.Contains('\u0001')))
            {
                continue;
            }

            var lines = intro.Select(line => Generalise(line, document)).ToList();
            candidates.Add((string.Join('\n', lines), lines, lines.Any(line => line.Contains('\u0001')), i));
        }

        // A comment that names its object, or the same comment on several objects, is a
        // convention; one comment that says something about one object is not.
        var best = candidates
            .GroupBy(candidate => candidate.Key)
            .Select(group => (Count: group.Count(), group.First().HasSlot, Last: group.Max(c => c.Index), group.First().Lines))
            .Where(group => group.HasSlot || group.Count >= 2)
            .OrderByDescending(group => group.Count).ThenByDescending(group => group.HasSlot)
            .ThenByDescending(group => group.Last)
            .FirstOrDefault();
        return best.Lines is null ? null : new HeaderTemplate(best.Lines);
    }

    /// <summary>The comment lines for a new object, every value made safe for a comment.</summary>
    public IReadOnlyList<string> Render(RbacDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _lines
            .Select(line => line
                .Replace(NamespaceSlot, Safe(document.Namespace ?? ""), StringComparison.Ordinal)
                .Replace(NameSlot, Safe(document.Name), StringComparison.Ordinal)
                .Replace(SubjectSlot, Safe(document.Subjects.Count > 0 ? document.Subjects[0].Name : ""), StringComparison.Ordinal)
                .Replace(RoleSlot, Safe(document.RoleRef?.Name ?? ""), StringComparison.Ordinal))
            .ToList();
    }

    private static string Generalise(string line, RbacDocument document)
    {
        // Longest value first, so "rb:goodbye" becomes the name before "goodbye" becomes the namespace.
        var values = new List<(string Value, string Slot)>
        {
            (document.Name, NameSlot),
            (document.Namespace ?? "", NamespaceSlot),
            (document.Subjects.Count == 1 ? document.Subjects[0].Name : "", SubjectSlot),
            (document.RoleRef?.Name ?? "", RoleSlot),
        };
        foreach (var (value, slot) in values.Where(pair => pair.Value.Length >= 2).OrderByDescending(pair => pair.Value.Length))
        {
            line = ReplaceWord(line, value, slot);
        }

        return line;
    }

    // Replaces the value where it stands as a word: not inside a longer name.
    private static string ReplaceWord(string line, string value, string slot)
    {
        var result = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            var at = line.IndexOf(value, i, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var end = at + value.Length;
            var bounded = (at == 0 || !IsNameChar(line[at - 1])) && (end == line.Length || !IsNameChar(line[end]));
            result.Append(line, i, at - i).Append(bounded ? slot : value);
            i = end;
        }

        return result.Append(line, i, line.Length - i).ToString();
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    // A comment ends at a line break: no value may contain one (YAML 1.1 counts NEL, LS and PS too).
    private static string Safe(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' ? '?' : c);
        }

        return builder.ToString();
    }
}
