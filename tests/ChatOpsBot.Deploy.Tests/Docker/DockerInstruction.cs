using System.Text.Json;

namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>One Dockerfile instruction, continuation lines joined.</summary>
/// <param name="Keyword">The instruction in upper case (<c>RUN</c>, <c>COPY</c>, …).</param>
/// <param name="Arguments">The rest of the instruction as written.</param>
/// <param name="Line">The line the instruction starts on (1-based).</param>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>The leading <c>--name=value</c> options (e.g. <c>--from</c>, <c>--mount</c>).</summary>
    public IReadOnlyDictionary<string, string> Flags => SplitFlags().Flags;

    /// <summary>The words after the options: the exec form's JSON array, or the shell form's words.</summary>
    public IReadOnlyList<string> Words
    {
        get
        {
            var rest = SplitFlags().Remainder;
            return rest.StartsWith('[') ? ExecForm(rest) : ShellWords.Split(rest);
        }
    }

    /// <summary>Whether the arguments are the exec (JSON array) form.</summary>
    public bool IsExecForm => SplitFlags().Remainder.StartsWith('[');

    /// <summary>The value of an option, or null.</summary>
    public string? Flag(string name) => Flags.TryGetValue(name, out var value) ? value : null;

    /// <summary>The pairs of an <c>ENV</c> or <c>ARG</c> instruction (both forms of <c>ENV</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs()
    {
        var words = ShellWords.Split(Arguments);
        if (words.Count == 0)
        {
            throw new FormatException($"line {Line}: {Keyword} has no arguments");
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            // The old "ENV NAME value" form, or an ARG without a default.
            return [new(words[0], string.Join(' ', words.Skip(1)))];
        }

        return words.Select(word =>
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            return equals <= 0
                ? throw new FormatException($"line {Line}: '{word}' is not NAME=value")
                : new KeyValuePair<string, string>(word[..equals], word[(equals + 1)..]);
        }).ToList();
    }

    private (Dictionary<string, string> Flags, string Remainder) SplitFlags()
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = Arguments.TrimStart();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            var flag = end < 0 ? rest : rest[..end];
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            flags[equals < 0 ? flag[2..] : flag[2..equals]] = equals < 0 ? "" : flag[(equals + 1)..];
            rest = end < 0 ? "" : rest[end..].TrimStart();
        }

        return (flags, rest);
    }

    private List<string> ExecForm(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json)
                ?? throw new FormatException($"line {Line}: {Keyword} has an empty exec form");
        }
        catch (JsonException problem)
        {
            throw new FormatException(
                $"line {Line}: {Keyword}'s exec form is not a JSON array of strings", problem);
        }
    }
}
