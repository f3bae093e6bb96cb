namespace ChatOpsBot.Cli;

/// <summary>The options of <c>parse</c> and <c>diagnose</c>, read from the arguments.</summary>
internal sealed record CliOptions
{
    public string Format { get; init; } = "text";

    public string? Text { get; init; }

    public string? Snapshot { get; init; }

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public string? AsUser { get; init; }

    public IReadOnlyList<string> AsGroups { get; init; } = [];

    public string? AsRole { get; init; }

    public bool Help { get; init; }

    public bool IsJson => Format == "json";

    private static readonly HashSet<string> ParseOptions = ["--format"];

    private static readonly HashSet<string> DiagnoseOptions =
        ["--format", "--snapshot", "--kubeconfig", "--context", "--as-user", "--as-group", "--as-role"];

    /// <summary>Reads the arguments that follow a verb.</summary>
    /// <exception cref="UsageException">An unknown option, a missing value, or a bad combination.</exception>
    public static CliOptions Read(string verb, IReadOnlyList<string> args)
    {
        var allowed = verb == "parse" ? ParseOptions : DiagnoseOptions;
        var options = new CliOptions();
        var groups = new List<string>();
        var positional = new List<string>();

        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            if (arg is "-h" or "--help")
            {
                return options with { Help = true };
            }

            if (arg == "-" || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var (name, inline) = SplitInline(arg);
            if (!allowed.Contains(name))
            {
                throw new UsageException($"{verb}: unknown option {Shorten(name)} (see {verb} --help)");
            }

            var value = inline ?? (index + 1 < args.Count ? args[++index] : throw new UsageException($"{verb}: {name} needs a value"));
            options = name switch
            {
                "--format" => options with { Format = value is "text" or "json" ? value : throw new UsageException($"{verb}: --format is text or json, not {Shorten(value)}") },
                "--snapshot" => options with { Snapshot = value },
                "--kubeconfig" => options with { Kubeconfig = value },
                "--context" => options with { Context = value },
                "--as-user" => options with { AsUser = value },
                "--as-role" => options with { AsRole = value },
                _ => options,
            };
            if (name == "--as-group")
            {
                groups.Add(value);
            }
        }

        if (positional.Count > 1)
        {
            throw new UsageException($"{verb}: give the text as one argument (quote it), or on standard input");
        }

        if (options.Snapshot is not null && options.Kubeconfig is not null)
        {
            throw new UsageException($"{verb}: --snapshot and --kubeconfig cannot be used together");
        }

        if (options.Context is not null && options.Kubeconfig is null)
        {
            throw new UsageException($"{verb}: --context needs --kubeconfig");
        }

        return options with { AsGroups = groups, Text = positional.Count == 1 && positional[0] != "-" ? positional[0] : null };
    }

    private static (string Name, string? Value) SplitInline(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
