using ChatOpsBot.Slack.Blocks;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class MrkdwnTests
{
    private const StringComparison Ord = StringComparison.Ordinal;

    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("plain \"quotes\" 'stay'", "plain \"quotes\" 'stay'")]
    public void Escape_turns_only_the_three_special_characters_into_entities(string input, string expected)
    {
        Assert.Equal(expected, Mrkdwn.Escape(input));
    }

    [Fact]
    public void Code_cannot_be_broken_out_of()
    {
        var code = Mrkdwn.Code("x` *bold* <!here>\nnext");

        Assert.StartsWith("`", code, Ord);
        Assert.EndsWith("`", code, Ord);
        Assert.Equal(2, code.Count(c => c == '`'));
        Assert.DoesNotContain("<", code, Ord);
        Assert.DoesNotContain("\n", code, Ord);
    }

    [Fact]
    public void Code_blocks_neutralise_fences_inside_and_escape()
    {
        var block = Mrkdwn.CodeBlock("a: 1\n```\n<!channel>\n````", 3000, out var omitted);

        Assert.Equal(0, omitted);
        Assert.StartsWith("```\n", block, Ord);
        Assert.EndsWith("\n```", block, Ord);
        var inner = block[4..^4];
        Assert.DoesNotContain("``", inner, Ord);
        Assert.Contains("&lt;!channel&gt;", inner, Ord);
    }

    [Fact]
    public void Long_code_is_cut_at_a_line_and_counts_what_was_left_out()
    {
        var yaml = string.Join('\n', Enumerable.Range(1, 500).Select(i => $"line-{i}: value"));

        var block = Mrkdwn.CodeBlock(yaml, 3000, out var omitted);

        Assert.True(block.Length <= 3000);
        var shown = block[4..^4].Split('\n');
        Assert.Equal(500 - shown.Length, omitted);
        Assert.Equal($"line-{shown.Length}: value", shown[^1]);
    }

    [Fact]
    public void A_single_huge_line_is_shown_cut()
    {
        var block = Mrkdwn.CodeBlock(new string('x', 10_000), 3000, out var omitted);

        Assert.True(block.Length <= 3000);
        Assert.Equal(0, omitted);
        Assert.Contains(Mrkdwn.Ellipsis, block, Ord);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void Truncation_never_splits_an_entity(int max)
    {
        var escaped = Mrkdwn.Escape("ab&&&&&&&&");

        var cut = Mrkdwn.Truncate(escaped, max);

        Assert.True(cut.Length <= max);
        var body = cut.TrimEnd('…');
        Assert.DoesNotMatch("&(?!amp;)", body);
        Assert.False(body.EndsWith("&am", Ord));
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 8) + "😀😀";

        var cut = Mrkdwn.Truncate(text, 10);

        Assert.True(cut.Length <= 10);
        Assert.False(char.IsHighSurrogate(cut[^2]));
    }
}
