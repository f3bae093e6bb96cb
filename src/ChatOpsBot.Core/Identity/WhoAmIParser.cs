namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Finds <c>kubectl auth whoami</c> output in pasted text: the default table
/// (<c>ATTRIBUTE</c>/<c>VALUE</c> rows), <c>-o json</c> or <c>-o yaml</c> (a SelfSubjectReview).
/// </summary>
public static class WhoAmIParser
{
    /// <summary>
    /// The username and groups of the first whoami output in the text, or null when there is
    /// none. The groups are exactly those printed.
    /// </summary>
    /// <param name="text">The pasted text (any size; other text around the output is fine).</param>
    public static (string User, IReadOnlyList<string> Groups)? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return null;
        }

        var lines = WhoAmILines.Split(text);
        WhoAmIFound?[] found =
        [
            WhoAmITableReader.Find(lines),
            WhoAmIJsonReader.Find(text),
            WhoAmIYamlReader.Find(lines),
        ];
        var first = found.Where(f => f is not null).MinBy(f => f!.Position);
        return first is null ? null : (first.User, first.Groups);
    }
}
