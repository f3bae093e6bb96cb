using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// The "what was being done" clause clients print before an error that names no object:
/// client-go's <c>Failed to list *v1.Service:</c> and controllers' <c>Failed to create new
/// replica set "web-5d9f":</c>.
/// </summary>
internal static class FailedClause
{
    private const int Window = 600;

    private static readonly Regex Reflector = Patterns.Linear(
        @"\b[Ff]ailed to (?<verb>[a-z]{2,20}) \*[a-z0-9]{1,20}\.(?<kind>[A-Za-z]{1,63})\b");

    private static readonly Regex ObjectClause = Patterns.Linear(
        @"\b[Ff]ailed to (?<verb>[a-z]{2,20}) (?<words>[A-Za-z]{1,30}( [A-Za-z]{1,30}){0,3}) "
        + @"""(?<name>[^""\n]+)""");

    /// <summary>
    /// Fills verb, resource and name from the last clause on the line before <paramref name="position"/>.
    /// </summary>
    public static AccessAttempt Apply(PasteText text, int position, AccessAttempt attempt)
    {
        var start = Math.Max(text.LineStart(position), position - Window);
        var window = text.Slice(start, position);
        if (!window.Contains("ailed to ", StringComparison.Ordinal))
        {
            return attempt;
        }

        var clause = ObjectClause.Matches(window);
        if (clause.Count > 0)
        {
            var last = clause[^1];
            var known = KnownResources.Find(StripArticles(last.Groups["words"].Value));
            return attempt with
            {
                Verb = attempt.Verb ?? last.Groups["verb"].Value,
                Resource = attempt.Resource ?? known?.Resource,
                ApiGroup = attempt.ApiGroup ?? known?.Group,
                Name = attempt.Name ?? last.Groups["name"].Value,
            };
        }

        var reflector = Reflector.Matches(window);
        if (reflector.Count > 0)
        {
            var last = reflector[^1];
            var kind = last.Groups["kind"].Value;
            return attempt with
            {
                Verb = attempt.Verb ?? last.Groups["verb"].Value,
                Resource = attempt.Resource ?? KnownResources.PluralOf(kind),
                ApiGroup = attempt.ApiGroup ?? KnownResources.Find(kind)?.Group,
            };
        }

        return attempt;
    }

    private static string StripArticles(string words)
    {
        foreach (var article in (ReadOnlySpan<string>)["new ", "a ", "an ", "the "])
        {
            if (words.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                return words[article.Length..];
            }
        }

        return words;
    }
}
