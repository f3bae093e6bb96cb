using ChatOpsBot.Core.Parsing.Grammar;

namespace ChatOpsBot.Core.Parsing.Resolution;

/// <summary>
/// Chooses which candidates stand: weak ones give way to real messages in their region, and
/// a candidate that starts inside one already taken is part of it (a webhook reason quoting
/// a denial, a suffix the longer reading already covered).
/// </summary>
internal static class CandidateResolver
{
    /// <summary>The standing candidates, in order of appearance.</summary>
    public static List<Candidate> Resolve(List<Candidate> candidates)
    {
        var strong = candidates.Where(c => !c.Weak).Select(c => c.Start).Order().ToArray();
        var standing = candidates
            .Where(c => !c.Weak || !AnyIn(strong, c.RegionStart, c.RegionEnd))
            .OrderBy(c => c.Start)
            .ThenByDescending(c => c.End - c.Start)
            .ToList();

        var result = new List<Candidate>();
        var taken = -1;
        foreach (var candidate in standing)
        {
            if (candidate.Start < taken)
            {
                continue;
            }

            result.Add(candidate);
            taken = Math.Max(taken, candidate.End);
        }

        return result;
    }

    private static bool AnyIn(int[] sorted, int start, int end)
    {
        var index = Array.BinarySearch(sorted, start);
        if (index < 0)
        {
            index = ~index;
        }

        return index < sorted.Length && sorted[index] < end;
    }
}
