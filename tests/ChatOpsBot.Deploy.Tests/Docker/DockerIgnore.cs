using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>
/// The rules of a <c>.dockerignore</c> file: which paths of the build context the builder never
/// sees. As Docker does, a pattern also excludes everything below a folder it matches, a
/// leading <c>!</c> takes a path back, and the last pattern that matches a path decides.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly IReadOnlyList<(Regex Pattern, bool TakesBack, string Text)> _rules;

    private DockerIgnore(IReadOnlyList<(Regex, bool, string)> rules) => _rules = rules;

    /// <summary>The patterns as written (comments and blank lines dropped).</summary>
    public IEnumerable<string> Patterns => _rules.Select(rule => (rule.TakesBack ? "!" : "") + rule.Text);

    /// <summary>Reads the text of a <c>.dockerignore</c> file.</summary>
    /// <exception cref="NotSupportedException">A pattern uses a character class (<c>[…]</c>).</exception>
    public static DockerIgnore Parse(string text)
    {
        var rules = new List<(Regex, bool, string)>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var takesBack = line.StartsWith('!');
            var pattern = Clean(takesBack ? line[1..].Trim() : line);
            if (pattern.Length > 0)
            {
                rules.Add((ToRegex(pattern), takesBack, pattern));
            }
        }

        return new DockerIgnore(rules);
    }

    /// <summary>Whether the builder never sees <paramref name="relativePath"/> (forward slashes).</summary>
    public bool Excludes(string relativePath)
    {
        var path = Clean(relativePath);
        var parents = Parents(path).ToList();
        var excluded = false;
        foreach (var (pattern, takesBack, _) in _rules)
        {
            if (pattern.IsMatch(path) || parents.Exists(pattern.IsMatch))
            {
                excluded = !takesBack;
            }
        }

        return excluded;
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0;
             slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    private static string Clean(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part != ".")
            .ToList();
        return string.Join('/', parts);
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" is any number of folders, none included; a final "**" is anything.
                var slashFollows = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slashFollows ? "(.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                throw new NotSupportedException($"character classes are not supported: {pattern}");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(
            regex.Append('$').ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }
}
