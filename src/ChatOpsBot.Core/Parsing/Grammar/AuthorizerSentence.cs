using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Grammar;

/// <summary>
/// What an authorizer sentence says after <c>User "x" cannot VERB</c>: the object, the scope
/// and the trailing reason. Covers today's wording (<c>resource "pods/exec" in API group ""
/// in the namespace "x"</c>) and the older ones (<c>pods/log in the namespace "x"</c>,
/// <c>jobs.batch at the cluster scope</c>, <c>all namespaces in the cluster</c>, <c>path
/// "/metrics"</c>).
/// </summary>
internal sealed record AuthorizerSentence
{
    public string? Resource { get; init; }

    public string? Subresource { get; init; }

    public string? Group { get; init; }

    public string? NonResourceUrl { get; init; }

    public string? Namespace { get; init; }

    public bool ClusterScope { get; init; }

    public string? Reason { get; init; }

    public int End { get; init; }

    /// <summary>Reads object, scope and reason from <paramref name="i"/>, just after the verb.</summary>
    public static AuthorizerSentence? ReadObject(string text, int i)
    {
        var sentence = ReadResource(text, i);
        if (sentence is null)
        {
            return null;
        }

        sentence = ReadScope(text, sentence);
        return ReadReason(text, sentence);
    }

    private static AuthorizerSentence? ReadResource(string text, int i)
    {
        var quoted = QuotedAfter(text, Scan.Phrase(text, i, "resource"), out var value);
        if (quoted > 0)
        {
            var (resource, subresource) = ResourceNames.SplitSubresource(value);
            var sentence = new AuthorizerSentence
            {
                Resource = resource, Subresource = subresource, End = quoted,
            };
            var inGroup = Scan.Phrase(text, Scan.SkipSpace(text, quoted), "in", "API", "group");
            var group = QuotedAfter(text, inGroup, out var apiGroup);
            return group > 0 ? sentence with { Group = apiGroup, End = group } : sentence;
        }

        var path = QuotedAfter(text, Scan.Word(text, i, "path"), out var url);
        if (path > 0)
        {
            return new AuthorizerSentence { NonResourceUrl = url, End = path };
        }

        var all = ReadAllInCluster(text, i);
        if (all is not null)
        {
            return all;
        }

        if (i < text.Length && text[i] == '"')
        {
            var end = Scan.Quoted(text, i, out var token);
            if (end > 0 && ResourceNames.IsResourceToken(ResourceNames.SplitSubresource(token).Resource))
            {
                var (grouped, subresource) = ResourceNames.SplitSubresource(token);
                var sentence = new AuthorizerSentence { Subresource = subresource, End = end };
                return WithGroupedToken(grouped, sentence);
            }
        }

        return ReadOldToken(text, i);
    }

    // "cannot list all namespaces in the cluster" (OpenShift).
    private static AuthorizerSentence? ReadAllInCluster(string text, int i)
    {
        var all = Scan.Word(text, i, "all");
        if (all < 0)
        {
            return null;
        }

        var tokenEnd = Scan.Token(text, Scan.SkipSpace(text, all), ResourceNames.IsTokenChar, out var token);
        var inCluster = tokenEnd > 0
            ? Scan.Phrase(text, Scan.SkipSpace(text, tokenEnd), "in", "the", "cluster")
            : -1;
        return inCluster > 0 && ResourceNames.IsResourceToken(token)
            ? WithGroupedToken(token, new AuthorizerSentence { ClusterScope = true, End = inCluster })
            : null;
    }

    // The quoted value after a keyword that ended at <paramref name="keywordEnd"/> (-1: no keyword).
    private static int QuotedAfter(string text, int keywordEnd, out string value)
    {
        value = "";
        return keywordEnd < 0
            ? -1
            : Scan.Quoted(text, Scan.SkipSpace(text, keywordEnd), out value, allowOpen: true);
    }

    // Before 1.14: "cannot list pods/log in the namespace", "cannot get jobs.batch at the cluster scope".
    private static AuthorizerSentence? ReadOldToken(string text, int i)
    {
        var end = Scan.Token(text, i, IsOldTokenChar, out var token);
        if (end < 0 || !char.IsAsciiLetterLower(token[0]) || !EndsObject(text, end))
        {
            return null;
        }

        var (grouped, subresource) = ResourceNames.SplitSubresource(token.TrimEnd('.'));
        return WithGroupedToken(grouped, new AuthorizerSentence { Subresource = subresource, End = end });
    }

    private static bool IsOldTokenChar(char c) => ResourceNames.IsTokenChar(c) || c is '/' or '_' or '*';

    private static AuthorizerSentence WithGroupedToken(string token, AuthorizerSentence sentence)
    {
        var (resource, group) = ResourceNames.SplitGroup(token);
        return sentence with { Resource = resource, Group = group };
    }

    // An old-style object is followed by its scope or by the end of the sentence, never by
    // another word ("cannot create more than 1 project" is a quota message, not RBAC).
    private static bool EndsObject(string text, int end)
    {
        if (Scan.AtLineEnd(text, end))
        {
            return true;
        }

        var next = Scan.SkipSpace(text, end);
        return text[next] is '.' or ':' or ',' or '"' or '(' or ')' or ';'
            || Scan.Word(text, next, "in") > 0 || Scan.Word(text, next, "at") > 0;
    }

    private static AuthorizerSentence ReadScope(string text, AuthorizerSentence sentence)
    {
        var at = Scan.SkipSpace(text, sentence.End);
        var cluster = Scan.Phrase(text, at, "at", "the", "cluster", "scope");
        if (cluster < 0)
        {
            cluster = Scan.Phrase(text, at, "in", "the", "cluster");
        }

        if (cluster > 0)
        {
            return sentence with { ClusterScope = true, End = cluster };
        }

        var ns = Scan.Phrase(text, at, "in", "the", "namespace");
        if (ns < 0)
        {
            ns = Scan.Phrase(text, at, "in", "namespace");
        }

        if (ns < 0)
        {
            ns = Scan.Phrase(text, at, "in", "project");
        }

        if (ns < 0)
        {
            return sentence;
        }

        // "in the namespace" with nothing after it: the paste was cut; the namespace is unknown.
        var value = Scan.Quoted(text, Scan.SkipSpace(text, ns), out var name, allowOpen: true);
        return value > 0
            ? sentence with { Namespace = name, End = value }
            : sentence with { End = ns };
    }

    private static AuthorizerSentence ReadReason(string text, AuthorizerSentence sentence)
    {
        var at = Scan.SkipSpace(text, sentence.End, lines: false);
        if (at < text.Length && text[at] == '.')
        {
            at = Scan.SkipSpace(text, at + 1, lines: false);
        }

        if (at >= text.Length || text[at] != ':')
        {
            return sentence;
        }

        var (reason, end) = ReasonReader.Read(text, at + 1);
        return reason is null ? sentence : sentence with { Reason = reason, End = end };
    }
}
