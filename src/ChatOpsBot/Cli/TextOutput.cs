using System.Text;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Cli;

/// <summary>
/// What a person reads in a terminal: the cause first, then the checks, then the YAML.
/// </summary>
internal static class TextOutput
{
    /// <summary>One attempt on one line: its kind, then <c>name=value</c> fields.</summary>
    public static string Attempt(AccessAttempt attempt)
    {
        var text = new StringBuilder();
        text.Append(attempt.Kind.ToWireName());
        Field(text, "user", attempt.User);
        if (attempt.Groups is { Count: > 0 })
        {
            Field(text, "groups", string.Join(", ", attempt.Groups));
        }

        Field(text, "verb", attempt.Verb);
        var resource = attempt.Subresource is null
            ? attempt.Resource
            : $"{attempt.Resource}/{attempt.Subresource}";
        Field(text, "resource", resource);
        var apiGroup = attempt.ApiGroup is null
            ? null
            : attempt.ApiGroup.Length == 0 ? "\"\" (core)" : attempt.ApiGroup;
        Field(text, "apiGroup", apiGroup);
        Field(text, "namespace",
            attempt.Namespace ?? (attempt.ClusterScope ? "(cluster scope)" : null));
        Field(text, "name", attempt.Name);
        Field(text, "reason", attempt.Reason);
        return text.ToString();
    }

    /// <summary>
    /// A diagnosis for a terminal: cause, checks, other identities, then the fix.
    /// </summary>
    public static string Diagnosis(DiagnosisReport report)
    {
        var text = new StringBuilder();
        text.Append("Cause: ").Append(report.Cause.Code).Append('\n');
        text.Append("  ").Append(Clean(report.Cause.Summary)).Append("\n\n");

        text.Append("Checks:\n");
        foreach (var check in report.Checks)
        {
            text.Append("  ").Append(Mark(check.Status)).Append(' ').Append(check.Name).Append(": ")
                .Append(Clean(check.Detail)).Append('\n');
        }

        if (report.Identity.Notes.Count > 0)
        {
            text.Append("\nIdentity notes:\n");
            foreach (var note in report.Identity.Notes)
            {
                text.Append("  - ").Append(Clean(note)).Append('\n');
            }
        }

        if (report.Identity.IsGuess && report.Identity.Candidates.Count > 1)
        {
            text.Append("\nOther identities that fit (choose with --as-role):\n");
            foreach (var candidate in report.Identity.Candidates.Skip(1))
            {
                text.Append("  - ").Append(Clean(candidate.PrincipalArn ?? candidate.User))
                    .Append(" (").Append(Clean(string.Join(", ", candidate.Groups))).Append(")\n");
            }
        }

        text.Append('\n');
        if (report.Fix is null)
        {
            text.Append("Fix: none proposed.\n");
        }
        else
        {
            text.Append("Fix: ").Append(Clean(report.Fix.Summary)).Append("\n\n");
            text.Append(report.Fix.Yaml);
        }

        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append("  ").Append(name).Append('=').Append(Clean(value));
        }
    }

    private static string Mark(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "[pass]",
        CheckStatus.Fail => "[FAIL]",
        CheckStatus.Warn => "[warn]",
        _ => "[skip]",
    };

    // Terminal escape sequences in a pasted name must not reach the user's terminal.
    private static string Clean(string value) =>
        new(value
            .Select(character => char.IsControl(character) && character != '\n' ? '?' : character)
            .ToArray());
}
