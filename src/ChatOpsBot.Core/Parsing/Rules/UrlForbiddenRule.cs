using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// A 403 that survives only as a URL: <c>ClientResponseError: 403, message='Forbidden',
/// url='https://10.96.0.1/apis/kubernetes.dask.org/v1/daskworkergroups'</c>, or a kubelet's
/// <c>Get "https://node:10250/containerLogs/ns/pod/c": Forbidden</c>. The request is read
/// from the path; the candidate is weak, so a real message on the same line wins.
/// </summary>
internal sealed class UrlForbiddenRule : IAttemptRule
{
    private const int MethodWindow = 40;

    // How far from the URL, on its line, the 403 may be stated.
    private const int StatusWindow = 600;

    private static readonly Regex Url = Patterns.Linear(@"https?://[^\s""'<>|`]+");

    private static readonly Regex Method = Patterns.LinearIgnoreCase(@"\b(?<m>get|post|put|patch|delete)\b");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in Url.Matches(text.Value))
        {
            var lineStart = text.LineStart(match.Index);
            var lineEnd = text.LineEnd(match.Index);
            if (!SaysForbidden(text.Value, Math.Max(lineStart, match.Index - StatusWindow),
                Math.Min(lineEnd, match.Index + match.Length + StatusWindow)))
            {
                continue;
            }

            var hostEnd = match.Value.IndexOf('/', match.Value.IndexOf("://", StringComparison.Ordinal) + 3);
            if (hostEnd < 0)
            {
                continue;
            }

            var path = match.Value[hostEnd..].TrimEnd('.', ',', ')', ':', ';');
            var attempt = UrlPath.Read(path, MethodBefore(text, match.Index, lineStart));
            if (attempt is null)
            {
                continue;
            }

            attempt = attempt with { Reason = "HTTP 403 Forbidden; only the request URL was given" };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt)
            {
                Weak = true,
                RegionStart = lineStart,
                RegionEnd = lineEnd,
            };
        }
    }

    private static bool SaysForbidden(string text, int start, int end) =>
        text.IndexOf("403", start, end - start, StringComparison.Ordinal) >= 0
        || text.IndexOf("orbidden", start, end - start, StringComparison.Ordinal) >= 0;

    private static string? MethodBefore(PasteText text, int urlStart, int lineStart)
    {
        var window = text.Slice(Math.Max(lineStart, urlStart - MethodWindow), urlStart);
        var methods = Method.Matches(window);
        return methods.Count == 0 ? null : methods[^1].Groups["m"].Value;
    }
}
