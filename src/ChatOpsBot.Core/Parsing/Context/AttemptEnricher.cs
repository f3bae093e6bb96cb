using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Context;

/// <summary>
/// Fills fields an attempt's own message leaves out from what surrounds it in the paste:
/// kubectl's "(get pods web)" suffix, kubectl apply's preamble, the namespace column of an
/// events table or an event's ObjectReference, the kubectl command that was run, and the
/// scope of built-in cluster-scoped resources. Only empty fields are filled, and only from
/// context about the same resource.
/// </summary>
internal sealed class AttemptEnricher(PasteText text)
{
    private const int PreambleLines = 6;

    private const int SuffixWindow = 300;

    private static readonly Regex KubectlSuffix = Patterns.Linear(
        @"\((?<verb>get|list|watch|create|update|patch|delete|deletecollection) "
        + @"(?<res>[a-z][a-z0-9.-]*(/[A-Za-z]{1,63})?)( (?<name>[^\s()]+))?\)");

    private static readonly Regex ObjectReferenceNamespace = Patterns.Linear(
        @"ObjectReference\{[^}\n]*Namespace:""(?<ns>[^""\n]+)""");

    // `kubectl get events -A`: NAMESPACE LAST-SEEN TYPE REASON OBJECT …
    private static readonly Regex EventsRow = Patterns.Linear(
        @"\A[ ]{0,8}(?<ns>[a-z0-9][a-z0-9-]{0,62})[ ]+[0-9][0-9a-z]{0,11}[ ]+(Warning|Normal)[ ]+");

    private List<KubectlCommand>? _commands;

    /// <summary>The attempt of <paramref name="candidate"/> with its gaps filled.</summary>
    public AccessAttempt Enrich(Candidate candidate)
    {
        var attempt = candidate.Attempt;
        attempt = FromKubectlSuffix(candidate, attempt);
        attempt = FromPreamble(candidate.Start, attempt);
        attempt = FromLineContext(candidate.Start, attempt);
        attempt = FromCommandLine(candidate.Start, attempt);

        if (attempt.Namespace is null && !attempt.ClusterScope
            && KnownResources.IsClusterScoped(attempt.Resource, attempt.ApiGroup))
        {
            attempt = attempt with { ClusterScope = true };
        }

        return attempt;
    }

    private AccessAttempt FromKubectlSuffix(Candidate candidate, AccessAttempt attempt)
    {
        var lineEnd = text.LineEnd(candidate.End);
        if (candidate.End >= lineEnd)
        {
            return attempt;
        }

        var after = text.Slice(candidate.End, Math.Min(lineEnd, candidate.End + SuffixWindow));
        var suffix = after.Contains('(', StringComparison.Ordinal) ? KubectlSuffix.Match(after) : Match.Empty;
        if (!suffix.Success)
        {
            return attempt;
        }

        var (grouped, subresource) = ResourceNames.SplitSubresource(suffix.Groups["res"].Value);
        var (resource, group) = ResourceNames.SplitGroup(grouped);
        var name = suffix.Groups["name"].Success ? suffix.Groups["name"].Value : null;
        if (attempt.Resource is null)
        {
            return attempt with
            {
                Verb = attempt.Verb ?? suffix.Groups["verb"].Value,
                Resource = resource,
                Subresource = attempt.Subresource ?? subresource,
                ApiGroup = group ?? "",
                Name = attempt.Name ?? name,
            };
        }

        return attempt.Resource != resource ? attempt : attempt with
        {
            ApiGroup = attempt.ApiGroup ?? group ?? "",
            Name = attempt.Name ?? name,
        };
    }

    private AccessAttempt FromPreamble(int start, AccessAttempt attempt)
    {
        var from = Math.Max(text.LinesBefore(start, PreambleLines), start - PasteText.MaxWindow);
        var preamble = text.Value.IndexOf("Name: \"", from, start - from, StringComparison.Ordinal) < 0
            && text.Value.IndexOf("Resource: \"", from, start - from, StringComparison.Ordinal) < 0
            ? null
            : ApplyPreamble.Find(text.Slice(from, start));
        if (preamble is null || (attempt.Resource is not null && preamble.Resource is not null
            && preamble.Resource != attempt.Resource))
        {
            return attempt;
        }

        return attempt with
        {
            Resource = attempt.Resource ?? preamble.Resource,
            ApiGroup = attempt.ApiGroup ?? preamble.Group,
            Name = attempt.Name ?? preamble.Name,
            Namespace = attempt.Namespace ?? (attempt.ClusterScope ? null : preamble.Namespace),
        };
    }

    private AccessAttempt FromLineContext(int start, AccessAttempt attempt)
    {
        if (attempt.Namespace is not null || attempt.ClusterScope)
        {
            return attempt;
        }

        var lineStart = text.LineStart(start);
        var line = text.Slice(Math.Max(lineStart, start - PasteText.MaxWindow), start);
        var reference = line.Contains("ObjectReference", StringComparison.Ordinal)
            ? ObjectReferenceNamespace.Match(line)
            : Match.Empty;
        if (reference.Success)
        {
            return attempt with { Namespace = reference.Groups["ns"].Value };
        }

        var row = lineStart >= start - PasteText.MaxWindow && line.Contains("  ", StringComparison.Ordinal)
            ? EventsRow.Match(line)
            : Match.Empty;
        return row.Success ? attempt with { Namespace = row.Groups["ns"].Value } : attempt;
    }

    private static KubectlCommand? LastCommandBefore(List<KubectlCommand> commands, int start)
    {
        int low = 0, high = commands.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = commands[middle].Position < start ? (middle + 1, high) : (low, middle);
        }

        return low > 0 ? commands[low - 1] : null;
    }

    private AccessAttempt FromCommandLine(int start, AccessAttempt attempt)
    {
        _commands ??= KubectlCommand.FindAll(text);
        var command = LastCommandBefore(_commands, start);
        if (command is null)
        {
            return attempt;
        }

        var sameRequest = attempt.Resource is not null && attempt.Resource == command.Resource;
        if (attempt.Kind == AttemptKind.Unauthorized && (attempt.Resource is null || sameRequest))
        {
            // A 401 names nothing: the command line is the only record of what was asked.
            attempt = attempt with
            {
                Verb = attempt.Verb ?? command.Verb,
                Resource = attempt.Resource ?? command.Resource,
                Subresource = attempt.Subresource ?? command.Subresource,
                ApiGroup = attempt.ApiGroup ?? command.Group,
            };
            sameRequest = attempt.Resource is not null;
        }

        if (!sameRequest)
        {
            return attempt;
        }

        return attempt with
        {
            Name = attempt.Name ?? command.Name,
            Namespace = attempt.Namespace ?? (attempt.ClusterScope ? null : command.Namespace),
        };
    }
}
