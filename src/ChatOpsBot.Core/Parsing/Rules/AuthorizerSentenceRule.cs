using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// The API server's authorizer denial: <c>[RES[.GROUP] ["NAME"] is forbidden: ]User "U"
/// cannot VERB …[: REASON]</c>, in every wording since 1.6, with the object prefix when
/// there is one. Also OpenShift's <c>user "U" (groups=[…]) is attempting to grant RBAC
/// permissions not currently held</c>.
/// </summary>
internal sealed class AuthorizerSentenceRule : IAttemptRule
{
    private static readonly Regex Anchor = Patterns.Linear(@"\b[Uu]ser\b");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        var resumeAt = 0;
        foreach (Match match in Anchor.Matches(text.Value))
        {
            if (match.Index < resumeAt)
            {
                continue;
            }

            var candidate = Read(text, match.Index);
            if (candidate is not null)
            {
                resumeAt = candidate.End;
                yield return candidate;
            }
        }
    }

    private static Candidate? Read(PasteText text, int anchor)
    {
        var value = text.Value;
        var capital = value[anchor] == 'U';
        var i = Scan.SkipSpace(value, anchor + 4);
        string? user = null;
        if (i < value.Length && value[i] == '"')
        {
            i = Scan.Quoted(value, i, out var quoted);
            if (i < 0)
            {
                return null;
            }

            user = quoted;
            i = Scan.SkipSpace(value, i);
        }
        else if (!capital)
        {
            return null;
        }

        var prefix = ForbiddenPrefix.ReadBefore(value, anchor);
        var start = prefix?.Start ?? anchor;
        if (!capital)
        {
            return user is null ? null : ReadGroupsEscalation(text, start, prefix, user, i);
        }

        var cannot = Scan.Word(value, i, "cannot");
        if (cannot < 0)
        {
            // "x is forbidden: User "u"" cut before the verb: still a denial of that user.
            return prefix is null || user is null
                ? null
                : new Candidate(start, i, Denial(prefix, user, null, null));
        }

        // OpenShift 1.x quoted the verb and resource: cannot "list" "pods" in project "x".
        var verbAt = Scan.SkipSpace(value, cannot);
        var verbEnd = verbAt < value.Length && value[verbAt] == '"'
            ? Scan.Quoted(value, verbAt, out var verb)
            : Scan.Token(value, verbAt, char.IsAsciiLetter, out verb);
        if (verbEnd < 0)
        {
            return null;
        }

        var objectAt = Scan.SkipSpace(value, verbEnd);
        var sentence = AuthorizerSentence.ReadObject(value, objectAt);
        if (sentence is null && prefix is not null)
        {
            // "x is forbidden: User "u" cannot <wording we do not know>": still that user's
            // denial of that object; the unknown wording is kept as the reason.
            var (rest, restEnd) = ReasonReader.Read(value, objectAt);
            sentence = new AuthorizerSentence { Reason = $"cannot {verb} {rest}".TrimEnd(), End = restEnd };
        }

        return sentence is null
            ? null
            : new Candidate(start, sentence.End, Denial(prefix, user, verb, sentence));
    }

    private static AccessAttempt Denial(
        ForbiddenPrefix? prefix, string? user, string? verb, AuthorizerSentence? sentence)
    {
        var resource = sentence?.Resource ?? prefix?.Resource;
        var samePrefix = prefix is not null && (prefix.Resource is null || prefix.Resource == resource);
        return new AccessAttempt
        {
            Kind = GkeIamRule.IsGkeReason(sentence?.Reason) ? AttemptKind.GkeIam : AttemptKind.Forbidden,
            User = user,
            Verb = verb,
            Resource = resource,
            Subresource = sentence?.Subresource,
            ApiGroup = sentence?.Group ?? (samePrefix ? prefix!.Group : null),
            Namespace = sentence?.Namespace,
            ClusterScope = sentence?.ClusterScope ?? false,
            Name = samePrefix ? prefix!.Name : null,
            NonResourceUrl = sentence?.NonResourceUrl,
            Reason = sentence?.Reason,
        };
    }

    // OpenShift: user "u" (groups=["a" "b"]) is attempting to grant RBAC permissions not currently held:
    private static Candidate? ReadGroupsEscalation(
        PasteText text, int start, ForbiddenPrefix? prefix, string user, int i)
    {
        var value = text.Value;
        if (string.CompareOrdinal(value, i, "(groups=[", 0, 9) != 0)
        {
            return null;
        }

        var close = value.IndexOf("])", i, Math.Min(value.Length - i, 4000), StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var groups = new List<string>();
        for (var q = i + 9; q < close;)
        {
            var end = Scan.Quoted(value, Scan.SkipSpace(value, q), out var group);
            if (end < 0 || end > close + 1)
            {
                break;
            }

            groups.Add(group);
            q = end;
        }

        var isAt = Scan.SkipSpace(value, close + 2);
        var phrase = Scan.Phrase(value, isAt, "is", "attempting", "to", "grant");
        if (phrase < 0)
        {
            return null;
        }

        var lineEnd = text.LineEnd(phrase);
        var reason = text.Slice(isAt, Math.Min(lineEnd, isAt + 500)).TrimEnd(':', ' ');
        var attempt = EscalationRule.Build(text, start, prefix, reason) with { User = user, Groups = groups };
        return new Candidate(start, phrase, attempt);
    }
}
