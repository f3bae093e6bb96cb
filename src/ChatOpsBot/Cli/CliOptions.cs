namespace ChatOpsBot.Cli;

/// <summary>The options of <c>parse</c> and <c>diagnose</c>, read from the arguments.</summary>
internal sealed record CliOptions
{
    /// <summary>The output format: <c>text</c> or <c>json</c>.</summary>
    public string Format { get; init; } = "text";

    /// <summary>The pasted error given as an argument; null to read standard input.</summary>
    public string? Text { get; init; }

    /// <summary>The snapshot folder or file (<c>--snapshot</c>).</summary>
    public string? Snapshot { get; init; }

    /// <summary>The kubeconfig file of a live cluster (<c>--kubeconfig</c>).</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context to use (<c>--context</c>).</summary>
    public string? Context { get; init; }

    /// <summary>Who the caller is, when the message does not say (<c>--as-user</c>).</summary>
    public string? AsUser { get; init; }

    /// <summary>The caller's groups (<c>--as-group</c>, repeatable).</summary>
    public IReadOnlyList<string> AsGroups { get; init; } = [];

    /// <summary>The IAM role the caller used (<c>--as-role</c>).</summary>
    public string? AsRole { get; init; }

    /// <summary><c>--access-entries</c>: a file of EKS access-entry JSON to add to the cluster.</summary>
    public string? AccessEntries { get; init; }

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool Help { get; init; }

    /// <summary>True when the output is JSON.</summary>
    public bool IsJson => Format == "json";

    private static readonly HashSet<string> ParseOptions = ["--format"];

    private static readonly HashSet<string> DiagnoseOptions =
    [
        "--format", "--snapshot", "--kubeconfig", "--context",
        "--as-user", "--as-group", "--as-role", "--access-entries",
    ];

    /// <summary>Reads the arguments that follow a verb.</summary>
    /// <exception cref="UsageException">
    /// An unknown option, a missing value, or a bad combination.
    /// </exception>
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
                throw new UsageException(
                    $"{verb}: unknown option {Shorten(name)} (see {verb} --help)");
            }

            var value = inline ?? NextValue(verb, name, args, ref index);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new UsageException($"{verb}: {name} needs a value, not an empty one");
            }

            options = name switch
            {
                "--format" => options with { Format = CheckFormat(verb, value) },
                "--snapshot" => options with { Snapshot = value },
                "--kubeconfig" => options with { Kubeconfig = value },
                "--context" => options with { Context = value },
                "--as-user" => options with { AsUser = value },
                "--as-role" => options with { AsRole = value },
                "--access-entries" => options with { AccessEntries = value },
                _ => options,
            };
            if (name == "--as-group")
            {
                groups.Add(value);
            }
        }

        ThrowIfInconsistent(verb, options, positional.Count);

        var text = positional.Count == 1 && positional[0] != "-" ? positional[0] : null;
        return options with { AsGroups = groups, Text = text };
    }

    // The value of an option given as "--name value": the next argument, which is consumed.
    private static string NextValue(
        string verb, string name, IReadOnlyList<string> args, ref int index) =>
        index + 1 < args.Count
            ? args[++index]
            : throw new UsageException($"{verb}: {name} needs a value");

    private static string CheckFormat(string verb, string value) =>
        value is "text" or "json"
            ? value
            : throw new UsageException($"{verb}: --format is text or json, not {Shorten(value)}");

    private static void ThrowIfInconsistent(string verb, CliOptions options, int positionalCount)
    {
        if (positionalCount > 1)
        {
            throw new UsageException(
                $"{verb}: give the text as one argument (quote it), or on standard input");
        }

        if (options.Snapshot is not null && options.Kubeconfig is not null)
        {
            throw new UsageException(
                $"{verb}: --snapshot and --kubeconfig cannot be used together");
        }

        if (options.Context is not null && options.Kubeconfig is null)
        {
            throw new UsageException($"{verb}: --context needs --kubeconfig");
        }
    }

    private static (string Name, string? Value) SplitInline(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
