using ChatOpsBot.Core.Diagnosis;

namespace ChatOpsBot.GitOps.Repository;

/// <summary>A requested access change: who asked, what failed, the diagnosis and the fix.</summary>
/// <param name="RequestId">The request's id; names the branch, so clicking twice finds the same one.</param>
/// <param name="Requester">The requester's display name.</param>
/// <param name="Fix">The fix to add.</param>
public sealed record AccessChange(string RequestId, string Requester, ProposedFix Fix)
{
    /// <summary>What failed, in a few words ("create pods/exec in namespace hello").</summary>
    public string? WhatFailed { get; init; }

    /// <summary>The diagnosis in one sentence.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>The checks behind the diagnosis.</summary>
    public IReadOnlyList<Check> Checks { get; init; } = [];

    /// <summary>The cluster the change is for, when the bot serves several.</summary>
    public string? Cluster { get; init; }

    /// <summary>A change from a diagnosis report that has a fix.</summary>
    /// <exception cref="ArgumentException">The report proposes no fix.</exception>
    public static AccessChange From(string requestId, string requester, DiagnosisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fix = report.Fix ?? throw new ArgumentException("The diagnosis proposes no fix.", nameof(report));
        return new AccessChange(requestId, requester, fix)
        {
            WhatFailed = Describe(report),
            Diagnosis = report.Cause.Summary,
            Checks = report.Checks,
        };
    }

    private static string? Describe(DiagnosisReport report)
    {
        var attempt = report.Attempt;
        if (attempt.Verb is null)
        {
            return null;
        }

        var resource = attempt.NonResourceUrl
            ?? (attempt.Subresource is null ? attempt.Resource : $"{attempt.Resource}/{attempt.Subresource}");
        var where = attempt.Namespace is null ? "cluster-wide" : $"in namespace {attempt.Namespace}";
        var who = report.Identity.User is { Length: > 0 } user ? $"{user}: " : "";
        return $"{who}{attempt.Verb} {resource} {where}";
    }
}
