using System.Diagnostics;
using System.Text;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

public sealed class TeamsMarkdownTests
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private static readonly Func<string, string?> Names = id => id switch
    {
        "U0ALICE" => "Alice Smith",
        "U0MALLORY" => "[boss](https://evil.example) *urgent* <at>CEO</at>",
        _ => null,
    };

    private static string Convert(string mrkdwn) => TeamsMarkdown.FromMrkdwn(mrkdwn, Names);

    [Theory]
    [InlineData("*Cause:* no binding", "**Cause:** no binding")]
    [InlineData("an _italic_ word", "an _italic_ word")]
    [InlineData("run `kubectl get pods`", "run `kubectl get pods`")]
    [InlineData("*bold with `code` inside*", "**bold with `code` inside**")]
    [InlineData("~gone~ stays", "gone stays")]
    [InlineData("2*3*4 is math", "2\\*3\\*4 is math")]
    [InlineData("* not bold*", "\\* not bold\\*")]
    [InlineData("*unclosed", "\\*unclosed")]
    [InlineData("*across\nlines*", "\\*across\n\nlines\\*")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    [InlineData("line one\nline two", "line one\n\nline two")]
    public void Slack_formatting_becomes_teams_formatting(string mrkdwn, string expected) =>
        Assert.Equal(expected, Convert(mrkdwn));

    [Theory]
    [InlineData("<https://github.example/pr/7|pull request #7>",
        "[pull request \\#7](https://github.example/pr/7)")]
    [InlineData("<https://example.com/a_(b)>",
        "[https://example.com/a\\_(b)](https://example.com/a_%28b%29)")]
    [InlineData("<http://example.com/x?a=1&amp;b=2|q>", "[q](http://example.com/x?a=1&b=2)")]
    [InlineData("<javascript:alert(1)|click>", "click")]
    [InlineData("<mailto:a@example.com|mail me>", "mail me")]
    [InlineData("<ftp://example.com/file>", "ftp://example.com/file")]
    [InlineData("<https://x.example|[evil](https://evil.example)>",
        "[\\[evil\\]\\(https://evil.example)](https://x.example/)")]
    public void Only_http_links_stay_links(string mrkdwn, string expected) =>
        Assert.Equal(expected, Convert(mrkdwn));

    [Theory]
    [InlineData("<@U0ALICE> asked", "Alice Smith asked")]
    [InlineData("<@U0NOBODY> asked", "U0NOBODY asked")]
    [InlineData("<@U0NOBODY|bob> asked", "bob asked")]
    [InlineData("<#C0TEAM|team>", "\\#team")]
    [InlineData("<!here> and <!channel> and <!everyone>",
        "@\u200Bhere and @\u200Bchannel and @\u200Beveryone")]
    [InlineData("<!subteam^S123|@admins>", "@\u200Badmins")]
    [InlineData("<!date^1392734382^{date}|Feb 18>", "Feb 18")]
    public void Mentions_and_broadcasts_become_plain_words(string mrkdwn, string expected) =>
        Assert.Equal(expected, Convert(mrkdwn));

    [Theory]
    [InlineData("\nkind: Role\r\n  x: &lt;*&gt;\n", 100, "kind: Role\n  x: <*>")]
    [InlineData("a\n  b\n  c\n  d", 8, "a\n  b\n…")]
    [InlineData("abcdef", 3, "a\n…")]
    public void A_code_snippet_is_the_code_as_written_and_cut_on_its_own_line(
        string code, int maxLength, string expected)
    {
        var snippet = TeamsMarkdown.CodeSnippet(code, maxLength);

        Assert.Equal(expected, snippet);
        Assert.True(snippet.Length <= maxLength);
    }

    [Fact]
    public void A_display_name_is_text_and_cannot_forge_anything()
    {
        var text = Convert("<@U0MALLORY>");

        Assert.Equal("\\[boss\\]\\(https://evil.example) \\*urgent\\* \\<at\\>CEO\\</at\\>", text);
    }

    [Theory]
    [InlineData("&amp;", "&")]
    [InlineData("&lt;at&gt;Boss&lt;/at&gt;", "\\<at\\>Boss\\</at\\>")]
    [InlineData("&amp;lt;", "\\&lt;")]
    [InlineData("&amp;amp;", "\\&amp;")]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("&quot;", "\\&quot;")]
    public void Slack_entities_are_decoded_once(string mrkdwn, string expected) =>
        Assert.Equal(expected, Convert(mrkdwn));

    [Theory]
    [InlineData("[x](https://evil.example)", "\\[x\\]\\(https://evil.example)")]
    [InlineData("![img](https://evil.example/a.png)", "!\\[img\\]\\(https://evil.example/a.png)")]
    [InlineData("&lt;b&gt;bold&lt;/b&gt;", "\\<b\\>bold\\</b\\>")]
    [InlineData("# Title", "\\# Title")]
    [InlineData("a\n- item\n+ item\n1. first\n12) twelfth\n&gt; quote",
        "a\n\n\\- item\n\n\\+ item\n\n1\\. first\n\n12\\) twelfth\n\n\\> quote")]
    [InlineData("a - b + c 1. d", "a - b + c 1. d")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("    four spaces", "\u00A0\u00A0\u00A0\u00A0four spaces")]
    [InlineData("under_ _score _x", "under\\_ \\_score \\_x")]
    public void Markdown_characters_from_users_stay_inert(string mrkdwn, string expected) =>
        Assert.Equal(expected, Convert(mrkdwn));

    [Fact]
    public void Text_escaped_by_the_slack_builders_reads_the_same_in_teams()
    {
        const string Raw = "pods \"hello\" is forbidden: User \"a&b\" <cannot> [x](y) #1 *all*";
        var mrkdwn = Mrkdwn.Line(Raw, 500);

        var teams = TeamsMarkdown.FromMrkdwn(mrkdwn, Names);

        Assert.Equal(Raw.Replace("*all*", "all", Ord), Unescape(teams.Replace("**", "", Ord)));
    }

    [Fact]
    public void Code_spans_keep_their_text_inert()
    {
        var code = Mrkdwn.Code("[a](https://evil.example) *b* <at>c</at>");

        Assert.Equal("`\\[a\\]\\(https://evil.example) \\*b\\* \\<at\\>c\\</at\\>`", Convert(code));
    }

    [Fact]
    public void A_code_fence_inside_text_keeps_its_lines()
    {
        var text = Convert("*Fix:*\n```\nkind: Role\n\n  rules: [\"*\"]\n```\ndone");

        Assert.Equal("**Fix:**\n\nkind: Role\n\n\u00A0\n\n\u00A0\u00A0rules: \\[\"\\*\"\\]\n\ndone", text);
    }

    [Fact]
    public void Output_is_cut_to_the_budget_with_an_ellipsis_and_stays_balanced()
    {
        var longText = "*" + new string('b', 500) + "* and `" + new string('c', 500) + "` "
                       + new string('d', 500);

        for (var max = 1; max < 1600; max += 37)
        {
            var text = TeamsMarkdown.FromMrkdwn(longText, Names, max);

            Assert.True(text.Length <= max, $"{text.Length} > {max}");
            Assert.Equal(0, CountOf(text, "**") % 2);
            Assert.Equal(0, text.Count(c => c == '`') % 2);
            if (text.Length < longText.Length - 10)
            {
                Assert.Contains("…", text, Ord);
            }
        }
    }

    [Fact]
    public void A_cut_never_splits_an_escape_or_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀*", 100));

        for (var max = 1; max < 100; max++)
        {
            var cut = TeamsMarkdown.FromMrkdwn(text, Names, max);

            Assert.True(IsWellFormed(cut), cut);
            var backslashes = cut[..^1].Length - cut[..^1].TrimEnd('\\').Length;
            Assert.Equal(0, backslashes % 2);
        }
    }

    [Theory]
    [InlineData("*")]
    [InlineData("<")]
    [InlineData("_a")]
    [InlineData("`")]
    [InlineData("```")]
    [InlineData("<@")]
    [InlineData("&amp")]
    public void Megabytes_of_markers_convert_in_linear_time(string unit)
    {
        var input = string.Concat(Enumerable.Repeat(unit + "x ", 1_000_000 / (unit.Length + 2)));
        var watch = Stopwatch.StartNew();

        var text = TeamsMarkdown.FromMrkdwn(input, Names, 2_000_000);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(text.Length > 0);
    }

    [Fact]
    public void Plain_text_is_escaped_whole()
    {
        Assert.Equal("\\*not bold\\* &", TeamsMarkdown.FromPlainText("*not bold* &amp;"));
        Assert.Equal("a b…", TeamsMarkdown.PlainTitle("a\nb &amp; c", 4));
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, Ord); i >= 0; i = text.IndexOf(part, i + part.Length, Ord))
        {
            count++;
        }

        return count;
    }

    // What a CommonMark reader shows for backslash escapes.
    private static string Unescape(string markdown)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && !char.IsAsciiLetterOrDigit(markdown[i + 1]))
            {
                i++;
            }

            builder.Append(markdown[i]);
        }

        return builder.ToString();
    }
}
