namespace ChatOpsBot.Core.Identity;

/// <summary>A whoami output found at a position of the text.</summary>
internal sealed record WhoAmIFound(int Position, string User, IReadOnlyList<string> Groups);

/// <summary>The pasted text as lines with their start offsets, chat code fences removed.</summary>
internal static class WhoAmILines
{
    internal static List<(int Start, string Text)> Split(string text)
    {
        var lines = new List<(int, string)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text[start..end].TrimEnd('\r');

            // Chat pastes glue ``` fences to the first or last line of a block.
            lines.Add((start, line.Replace("```", "", StringComparison.Ordinal)));
            start = end + 1;
        }

        return lines;
    }
}
