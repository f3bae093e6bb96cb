namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Reads Slack mrkdwn once, left to right, and writes Teams markdown through a
/// <see cref="MarkdownWriter"/>. Every search for a closing marker goes through a cache of
/// "next position of this character", so the whole pass stays linear however the markers
/// are arranged (a paste of a million asterisks included).
/// </summary>
internal sealed class MrkdwnConverter
{
    private const int MaxNameLength = 100;
    private const string Fence = "```";

    private readonly string _text;
    private readonly Func<string, string?> _displayNameOf;
    private readonly MarkdownWriter _writer;
    private readonly Dictionary<char, (int From, int At)> _next = [];
    private (int From, int At) _nextFence = (-1, -1);

    public MrkdwnConverter(string text, Func<string, string?> displayNameOf, MarkdownWriter writer)
    {
        _text = text;
        _displayNameOf = displayNameOf;
        _writer = writer;
    }

    [Flags]
    private enum Spans
    {
        None = 0,
        Bold = 1,
        Italic = 2,
        Strike = 4,
    }

    /// <summary>Converts the whole text.</summary>
    public void Convert() => Convert(0, _text.Length, Spans.None);

    /// <summary>Slack's three entities decoded, once: <c>&amp;amp;lt;</c> becomes <c>&amp;lt;</c>.</summary>
    public static string Decode(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var (decoded, length) = EntityAt(text, i, text.Length);
            builder.Append(decoded);
            i += length - 1;
        }

        return builder.ToString();
    }

    private void Convert(int start, int end, Spans open)
    {
        var i = start;
        while (i < end && !_writer.Truncated)
        {
            var c = _text[i];
            var next = c switch
            {
                '`' => Backtick(i, end),
                '*' when !open.HasFlag(Spans.Bold) => Emphasis(i, end, open, Spans.Bold, "**"),
                '_' when !open.HasFlag(Spans.Italic) => Emphasis(i, end, open, Spans.Italic, "_"),
                '~' when !open.HasFlag(Spans.Strike) => Emphasis(i, end, open, Spans.Strike, ""),
                '<' => Angle(i, end),
                _ => -1,
            };
            if (next >= 0)
            {
                i = next;
                continue;
            }

            var (decoded, length) = EntityAt(_text, i, end);
            var before = i > start ? _text[i - 1] : ' ';
            var after = i + length < end ? _text[i + length] : ' ';
            _writer.Literal(decoded[0], before, after);
            i += length;
        }
    }

    // A fenced block or an inline code span; -1 when the backtick is just a character.
    private int Backtick(int i, int end)
    {
        if (string.CompareOrdinal(_text, i, Fence, 0, Fence.Length) == 0)
        {
            var close = NextFence(i + Fence.Length);
            if (close + Fence.Length > end)
            {
                return -1;
            }

            WriteCodeBlock(_text[(i + Fence.Length)..close]);

            // The block already ends its line; the fence's own line break would add another.
            var after = close + Fence.Length;
            return after < end && _text[after] == '\n' ? after + 1 : after;
        }

        var closing = Next('`', i + 1);
        if (closing >= end || closing == i + 1 || Next('\n', i + 1) < closing)
        {
            return -1;
        }

        if (_writer.Open("`"))
        {
            _writer.Literal(Decode(_text[(i + 1)..closing]));
            _writer.Close("`");
        }

        return closing + 1;
    }

    private void WriteCodeBlock(string code)
    {
        if (!_writer.AtLineStart)
        {
            _writer.NewLine();
        }

        _writer.Literal(TeamsMarkdown.CodeLines(Decode(code)));
        _writer.NewLine();
    }

    // Slack emphasis: the opener follows a non-word character and precedes a non-space, the
    // closer is the next marker on the same line, preceded by a non-space and followed by a
    // non-word character. Anything else is a literal character.
    private int Emphasis(int i, int end, Spans open, Spans span, string marker)
    {
        var c = _text[i];
        if ((i > 0 && char.IsLetterOrDigit(_text[i - 1])) || i + 1 >= end || char.IsWhiteSpace(_text[i + 1]))
        {
            return -1;
        }

        var closing = Next(c, i + 1);
        if (closing >= end || closing == i + 1 || Next('\n', i + 1) < closing
            || char.IsWhiteSpace(_text[closing - 1])
            || (closing + 1 < _text.Length && char.IsLetterOrDigit(_text[closing + 1])))
        {
            return -1;
        }

        if (marker.Length == 0)
        {
            // Teams has no strike-through: the text is kept, the marker dropped.
            Convert(i + 1, closing, open | span);
        }
        else if (_writer.Open(marker))
        {
            Convert(i + 1, closing, open | span);
            _writer.Close(marker);
        }

        return closing + 1;
    }

    // <@U123>, <#C123|name>, <!here>, <https://url|label>: the angle-bracket forms of mrkdwn.
    private int Angle(int i, int end)
    {
        var closing = Next('>', i + 1);
        if (closing >= end || closing == i + 1 || Next('<', i + 1) < closing || Next('\n', i + 1) < closing)
        {
            return -1;
        }

        var inner = _text[(i + 1)..closing];
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 || bar == inner.Length - 1 ? null : Decode(inner[(bar + 1)..]);
        if (target.Length == 0)
        {
            _writer.Literal(label ?? "");
            return closing + 1;
        }

        switch (target[0])
        {
            case '@':
                var id = target[1..];
                _writer.Literal(Cut(_displayNameOf(id) ?? label ?? id));
                break;
            case '#':
                _writer.Literal("#" + Cut(label ?? target[1..]));
                break;
            case '!':
                WriteSpecial(target[1..], label);
                break;
            default:
                WriteLink(Decode(target), label);
                break;
        }

        return closing + 1;
    }

    // Broadcasts become inert words: a zero-width space after the @ keeps them from being
    // read as a mention by anything the text is pasted into.
    private void WriteSpecial(string target, string? label)
    {
        var caret = target.IndexOf('^', StringComparison.Ordinal);
        var name = caret < 0 ? target : target[..caret];
        switch (name)
        {
            case "here" or "channel" or "everyone":
                _writer.Literal("@\u200B" + name);
                break;
            case "subteam":
                _writer.Literal("@\u200B" + Cut((label ?? "group").TrimStart('@')));
                break;
            default:
                _writer.Literal(Cut(label ?? name));
                break;
        }
    }

    private void WriteLink(string url, string? label)
    {
        var text = Cut(label ?? url, 500);
        if (TeamsMarkdown.SafeLinkTarget(url) is not { } href)
        {
            _writer.Literal(text);
            return;
        }

        var shown = MarkdownWriter.EscapeInline(text);
        _writer.Raw($"[{(shown.Length == 0 ? MarkdownWriter.EscapeInline(href) : shown)}]({href})");
    }

    private static string Cut(string text, int max = MaxNameLength) =>
        text.Length <= max ? text : text[..(max - 1)] + TeamsMarkdown.Ellipsis;

    private static (string Text, int Length) EntityAt(string text, int i, int end)
    {
        if (text[i] == '&')
        {
            if (Matches(text, i, end, "&amp;"))
            {
                return ("&", 5);
            }

            if (Matches(text, i, end, "&lt;"))
            {
                return ("<", 4);
            }

            if (Matches(text, i, end, "&gt;"))
            {
                return (">", 4);
            }
        }

        return (text[i].ToString(), 1);
    }

    private static bool Matches(string text, int i, int end, string entity) =>
        i + entity.Length <= end && string.CompareOrdinal(text, i, entity, 0, entity.Length) == 0;

    // The cached answer stays right for any later start up to the position it found, so each
    // stretch of text is searched once per character kind.
    private int Next(char c, int from)
    {
        if (_next.TryGetValue(c, out var cached) && cached.From <= from && from <= cached.At)
        {
            return cached.At;
        }

        var at = from >= _text.Length ? -1 : _text.IndexOf(c, from);
        var found = at < 0 ? _text.Length : at;
        _next[c] = (from, found);
        return found;
    }

    private int NextFence(int from)
    {
        if (_nextFence.From >= 0 && _nextFence.From <= from && from <= _nextFence.At)
        {
            return _nextFence.At;
        }

        var at = from >= _text.Length ? -1 : _text.IndexOf(Fence, from, StringComparison.Ordinal);
        _nextFence = (from, at < 0 ? _text.Length : at);
        return _nextFence.At;
    }
}
