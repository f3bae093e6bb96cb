using System.Text.RegularExpressions;

namespace ChatOpsBot.Core.Parsing.Text;

/// <summary>
/// Builds the parser's regular expressions. Pastes can be megabytes of hostile text, so every
/// pattern runs on the non-backtracking engine: matching time stays linear in the input.
/// </summary>
internal static class Patterns
{
    /// <summary>A linear-time, culture-invariant regex; only named groups capture.</summary>
    public static Regex Linear(string pattern) => new(
        pattern,
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>Like <see cref="Linear"/>, ignoring case.</summary>
    public static Regex LinearIgnoreCase(string pattern) => new(
        pattern,
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture
            | RegexOptions.IgnoreCase);
}
