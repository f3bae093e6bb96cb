using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Requests;

namespace ChatOpsBot.Storage.Tests.Support;

/// <summary>
/// Field-by-field equality (records compare lists by reference, so plain Assert.Equal would
/// only pass for the very same objects).
/// </summary>
internal static class ReportAssert
{
    public static void Equal(DiagnosisReport expected, DiagnosisReport actual)
    {
        Equal(expected.Attempt, actual.Attempt);
        Equal(expected.Identity, actual.Identity);
        Assert.Equal(expected.Allowed, actual.Allowed);
        Assert.Equal(expected.Cause, actual.Cause);
        Assert.Equal(expected.Checks, actual.Checks);
        Assert.Equal(expected.Fix, actual.Fix);
    }

    public static void Equal(AccessAttempt expected, AccessAttempt actual)
    {
        Assert.Equal(expected with { Groups = null }, actual with { Groups = null });
        Assert.Equal(expected.Groups, actual.Groups);
    }

    public static void Equal(ResolvedIdentity expected, ResolvedIdentity actual)
    {
        Equal(expected.Chosen, actual.Chosen);
        Assert.Equal(expected.Candidates.Count, actual.Candidates.Count);
        foreach (var (want, got) in expected.Candidates.Zip(actual.Candidates))
        {
            Equal(want, got);
        }

        Assert.Equal(expected.IsGuess, actual.IsGuess);
        Assert.Equal(expected.Notes, actual.Notes);
    }

    public static void Equal(IdentityCandidate expected, IdentityCandidate actual)
    {
        Assert.Equal(expected with { Groups = [] }, actual with { Groups = [] });
        Assert.Equal(expected.Groups, actual.Groups);
    }

    public static void Equal(DiagnosisContext expected, DiagnosisContext actual)
    {
        Assert.Equal(expected with { Hints = new() }, actual with { Hints = new() });
        Assert.Equal(expected.Hints.User, actual.Hints.User);
        Assert.Equal(expected.Hints.Groups, actual.Hints.Groups);
        Assert.Equal(expected.Hints.RoleArn, actual.Hints.RoleArn);
    }
}
