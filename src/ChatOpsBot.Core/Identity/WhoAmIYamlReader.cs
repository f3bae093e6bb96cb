using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Finds a SelfSubjectReview printed as YAML (<c>kubectl auth whoami -o yaml</c>): the block of
/// lines around <c>kind: SelfSubjectReview</c> is cut out and read as one document.
/// </summary>
internal static class WhoAmIYamlReader
{
    private const int MaxBlockLines = 2000;
    private const int MaxTries = 20;

    internal static WhoAmIFound? Find(List<(int Start, string Text)> lines)
    {
        var tries = 0;
        for (var i = 0; i < lines.Count && tries < MaxTries; i++)
        {
            if (!IsKindLine(lines[i].Text))
            {
                continue;
            }

            tries++;
            var indent = Indent(lines[i].Text);
            var first = i;
            while (first > 0 && i - first < MaxBlockLines && BelongsToBlock(lines[first - 1].Text, indent))
            {
                first--;
            }

            var last = i;
            while (last + 1 < lines.Count && last - i < MaxBlockLines
                && BelongsToBlock(lines[last + 1].Text, indent))
            {
                last++;
            }

            var block = string.Join('\n', lines.Skip(first).Take(last - first + 1)
                .Select(line => line.Text.Length >= indent ? line.Text[indent..] : line.Text.TrimStart()));
            if (Read(block) is { } found)
            {
                return found with { Position = lines[first].Start };
            }
        }

        return null;
    }

    private static bool IsKindLine(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("kind:", StringComparison.Ordinal))
        {
            return false;
        }

        var value = trimmed["kind:".Length..].Trim().Trim('"', '\'');
        return value == "SelfSubjectReview";
    }

    // A line at the block's indent must be a key; deeper lines (values, list items) always belong.
    private static bool BelongsToBlock(string line, int indent)
    {
        if (line.Trim().Length == 0)
        {
            return false;
        }

        var own = Indent(line);
        if (own > indent)
        {
            return true;
        }

        if (own < indent)
        {
            return false;
        }

        var text = line.TrimStart();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return text.StartsWith("- ", StringComparison.Ordinal)
            || colon > 0 && (colon == text.Length - 1 || text[colon + 1] == ' ')
                && text[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/');
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static WhoAmIFound? Read(string block)
    {
        var root = YamlText.LoadFirst(block, out _);
        var info = YamlText.Child(YamlText.Child(root, "status"), "userInfo");
        if (YamlText.ScalarText(YamlText.Child(root, "kind")) != "SelfSubjectReview"
            || YamlText.ScalarText(YamlText.Child(info, "username")) is not { Length: > 0 } user)
        {
            return null;
        }

        var names = YamlText.Child(info, "groups") is YamlSequenceNode list
            ? list.Children.Select(YamlText.ScalarText).OfType<string>()
            : [];
        List<string> groups = [.. names.Distinct(StringComparer.Ordinal)];
        return new WhoAmIFound(0, user, groups);
    }
}
