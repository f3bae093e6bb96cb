using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Blocks;

/// <summary>
/// Turns a diagnosis into a Slack message: the cause in one line, the checks, the fix as YAML,
/// the identity (with a menu of the other candidates when it was a guess) and the "Request
/// access" button. Everything that came from a user or the cluster is escaped, and every
/// Block Kit limit is respected: long content is cut with a visible note, never rejected.
/// </summary>
public static class DiagnosisMessageBuilder
{
    private const int MaxCheckSections = 4;
    private const int MaxCheckDetail = 400;
    private const int MaxGroupsShown = 10;
    private const int MaxNotesShown = 5;
    private const int MaxNoteLength = 500;

    /// <summary>The reply for <paramref name="report"/>, stored as <paramref name="diagnosisId"/>.</summary>
    public static SlackMessage Build(
        DiagnosisReport report, string diagnosisId, IdentityHintSource hintSource)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(diagnosisId);

        var blocks = new List<JsonObject>
        {
            BlockKit.Header(Title(report)),
            BlockKit.Section($"*Cause:* {Mrkdwn.Line(report.Cause.Summary, 2500)}"),
            BlockKit.Context(DescribeAttempt(report.Attempt), DescribeIdentity(report.Identity)),
        };

        AddChecks(blocks, report.Checks);
        AddFix(blocks, report.Fix);
        AddIdentity(blocks, report.Identity, diagnosisId, hintSource);

        if (report.Fix is not null && !report.Allowed)
        {
            blocks.Add(BlockKit.Actions(
                SlackActionIds.RequestBlockPrefix + diagnosisId,
                BlockKit.Button(SlackActionIds.RequestAccess, "Request access", diagnosisId, "primary")));
        }

        var fallback = Mrkdwn.Line($"{Title(report)}: {report.Cause.Summary}", BlockKitLimits.MaxFallbackText);
        var json = new JsonArray(blocks.Take(BlockKitLimits.MaxBlocks).Cast<JsonNode?>().ToArray());
        return new SlackMessage(fallback, json);
    }

    /// <summary>A one-line title for the cause; fixed text, so nothing untrusted is in the header.</summary>
    public static string Title(DiagnosisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Cause.Code switch
        {
            CauseCode.MissingBinding => "❌ No binding grants this access",
            CauseCode.RoleLacksPermission => "❌ The bound role lacks this permission",
            CauseCode.RoleNotFound => "❌ A binding points to a role that does not exist",
            CauseCode.GroupNotMapped => "❌ Your identity is missing a group",
            CauseCode.IdentityNotMapped => "❌ Your IAM identity is not mapped into the cluster",
            CauseCode.AlreadyAllowed => "✅ The cluster already allows this",
            CauseCode.NotRbac => "⚠️ Refused by something other than RBAC",
            CauseCode.NamespaceNotFound => "❌ The namespace does not exist",
            _ => "⚠️ I could not pin down the cause",
        };
    }

    /// <summary>The attempt in a few words, such as <c>create pods/exec in namespace hello</c>.</summary>
    public static string DescribeAttempt(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var text = new StringBuilder("*Attempt:* ");
        if (attempt.NonResourceUrl is { } url)
        {
            text.Append(Mrkdwn.Code(attempt.Verb ?? "?")).Append(" on ").Append(Mrkdwn.Code(url));
            return text.ToString();
        }

        var resource = attempt.Resource ?? "?";
        if (attempt.Subresource is { Length: > 0 } sub)
        {
            resource += "/" + sub;
        }

        if (attempt.ApiGroup is { Length: > 0 } group)
        {
            resource += "." + group;
        }

        text.Append(Mrkdwn.Code(attempt.Verb ?? "?")).Append(' ').Append(Mrkdwn.Code(resource));
        if (attempt.Name is { Length: > 0 } name)
        {
            text.Append(' ').Append(Mrkdwn.Code(name));
        }

        text.Append(attempt.Namespace is { Length: > 0 } ns
            ? " in namespace " + Mrkdwn.Code(ns)
            : attempt.ClusterScope ? " at cluster scope" : "");
        return text.ToString();
    }

    private static string DescribeIdentity(ResolvedIdentity identity)
    {
        var text = new StringBuilder("*Identity:* ").Append(Mrkdwn.Code(identity.User));
        var groups = identity.Groups
            .Where(g => !g.StartsWith("system:authenticated", StringComparison.Ordinal))
            .ToList();
        if (groups.Count > 0)
        {
            text.Append(" · groups ")
                .Append(string.Join(", ", groups.Take(MaxGroupsShown).Select(g => Mrkdwn.Code(g, 100))));
            if (groups.Count > MaxGroupsShown)
            {
                text.Append($" and {groups.Count - MaxGroupsShown} more");
            }
        }

        text.Append(" · from ").Append(DescribeSource(identity.Chosen.Source));
        if (identity.Chosen.PrincipalArn is { Length: > 0 } arn)
        {
            text.Append(' ').Append(Mrkdwn.Code(arn, 300));
        }

        return text.ToString();
    }

    private static string DescribeSource(IdentitySource source) => source switch
    {
        IdentitySource.Override => "the identity given",
        IdentitySource.WhoAmI => "kubectl auth whoami",
        IdentitySource.AccessEntry => "an EKS access entry",
        IdentitySource.AwsAuth => "the aws-auth ConfigMap",
        IdentitySource.ServiceAccount => "a ServiceAccount",
        _ => "the error message only (no mapping found)",
    };

    private static void AddChecks(List<JsonObject> blocks, IReadOnlyList<Check> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }

        var sections = new List<string>();
        var current = new StringBuilder("*Checks:*");
        var shown = 0;
        foreach (var check in checks)
        {
            var line = $"{Icon(check.Status)} *{Mrkdwn.Line(check.Name, 80)}* — "
                       + Mrkdwn.Line(check.Detail, MaxCheckDetail);
            if (current.Length + 1 + line.Length > BlockKitLimits.MaxSectionText)
            {
                if (sections.Count + 1 == MaxCheckSections)
                {
                    break;
                }

                sections.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
            shown++;
        }

        sections.Add(current.ToString());
        blocks.AddRange(sections.Select(BlockKit.Section));
        if (shown < checks.Count)
        {
            blocks.Add(BlockKit.Context($"_… and {checks.Count - shown} more checks not shown._"));
        }
    }

    private static string Icon(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✅",
        CheckStatus.Fail => "❌",
        CheckStatus.Warn => "⚠️",
        _ => "⏭",
    };

    private static void AddFix(List<JsonObject> blocks, ProposedFix? fix)
    {
        if (fix is null)
        {
            return;
        }

        var target = fix.Namespace is { Length: > 0 } ns ? $"{ns}/{fix.Name}" : fix.Name;
        blocks.Add(BlockKit.Section(
            $"*Proposed fix:* {Mrkdwn.Line(fix.Summary, 2000)}\n"
            + $"{Mrkdwn.Code(fix.Kind, 100)} {Mrkdwn.Code(target, 300)}"));
        var yaml = Mrkdwn.CodeBlock(fix.Yaml, BlockKitLimits.MaxSectionText, out var omitted);
        blocks.Add(BlockKit.Section(yaml));
        if (omitted > 0)
        {
            blocks.Add(BlockKit.Context(
                $"✂️ _The YAML was cut to fit in Slack: {omitted} more lines are not shown. "
                + "The full fix is kept with the diagnosis._"));
        }
    }

    private static void AddIdentity(
        List<JsonObject> blocks, ResolvedIdentity identity, string diagnosisId, IdentityHintSource hintSource)
    {
        var notes = new List<string>();
        switch (hintSource)
        {
            case IdentityHintSource.None:
                notes.Add("No chat-user mapping is configured for you, so I worked out the identity "
                          + "from the cluster's own mappings.");
                break;
            case IdentityHintSource.ChatMapping:
                notes.Add("Identity taken from your configured chat-user mapping.");
                break;
            case IdentityHintSource.CommandOption:
                notes.Add("Identity taken from the `--as-role` option.");
                break;
            default:
                notes.Add("Identity chosen from the menu.");
                break;
        }

        notes.AddRange(identity.Notes.Take(MaxNotesShown).Select(n => Mrkdwn.Line(n, MaxNoteLength)));
        var others = OtherCandidates(identity).ToList();
        if (identity.IsGuess)
        {
            notes.Add(others.Count > 0
                ? "⚠️ Several identities fit and I picked the likeliest. Not you? Choose another below."
                : "⚠️ Several identities fit and I picked the likeliest.");
        }

        blocks.Add(BlockKit.Context(notes.ToArray()));
        if (identity.IsGuess && others.Count > 0)
        {
            blocks.Add(BlockKit.Actions(
                SlackActionIds.IdentityBlockPrefix + diagnosisId,
                BlockKit.StaticSelect(SlackActionIds.ChooseIdentity, "Choose another identity", others)));
        }
    }

    /// <summary>
    /// The candidates other than the chosen one, as select options. The value is the ARN when
    /// it fits and is not already taken by another option; otherwise the candidate's index,
    /// looked up in the stored diagnosis on click.
    /// </summary>
    internal static IEnumerable<(string Text, string Value)> OtherCandidates(ResolvedIdentity identity)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < identity.Candidates.Count; i++)
        {
            var candidate = identity.Candidates[i];
            if (IsSame(candidate, identity.Chosen))
            {
                continue;
            }

            var label = candidate.PrincipalArn is { Length: > 0 } arn
                ? $"{candidate.User} ({ShortArn(arn)})"
                : $"{candidate.User} ({candidate.Why})";
            var value = candidate.PrincipalArn is { Length: > 0 and <= BlockKitLimits.MaxOptionValue } fits
                        && !fits.StartsWith(SlackActionIds.CandidateIndexPrefix, StringComparison.Ordinal)
                        && used.Add(fits)
                ? fits
                : SlackActionIds.CandidateIndexPrefix + i.ToString(CultureInfo.InvariantCulture);
            yield return (Mrkdwn.Line(label, BlockKitLimits.MaxOptionText), value);
        }
    }

    // Engines may rebuild the chosen candidate rather than reuse the instance in the list.
    private static bool IsSame(IdentityCandidate a, IdentityCandidate b) =>
        ReferenceEquals(a, b)
        || (a.User == b.User && a.PrincipalArn == b.PrincipalArn && a.Source == b.Source
            && a.Groups.SequenceEqual(b.Groups));

    // "arn:aws:iam::111122223333:role/team/dev" reads best as "role/team/dev".
    private static string ShortArn(string arn)
    {
        var colon = arn.LastIndexOf(':');
        return colon >= 0 && colon < arn.Length - 1 ? arn[(colon + 1)..] : arn;
    }
}
