namespace ChatOpsBot.Core.Parsing.Grammar;

/// <summary>
/// An attempt a rule read from the text, with the span it was read from. A weak candidate
/// (a bare "Error from server (Forbidden)" header, a URL with a 403) only stands when no
/// real message was read in its region: it is the fallback for pastes that lost the message.
/// </summary>
/// <param name="Start">Where the text the attempt was read from starts.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Attempt">The attempt read.</param>
internal sealed record Candidate(int Start, int End, AccessAttempt Attempt)
{
    /// <summary>True for a fallback candidate.</summary>
    public bool Weak { get; init; }

    /// <summary>A weak candidate gives way to a strong one starting in [RegionStart, RegionEnd).</summary>
    public int RegionStart { get; init; }

    /// <summary>See <see cref="RegionStart"/>.</summary>
    public int RegionEnd { get; init; }
}
