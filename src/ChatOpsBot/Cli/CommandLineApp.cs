using ChatOpsBot.Core.Cluster;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Cli;

/// <summary>Dispatches the verbs and turns every failure into one line and an exit code.</summary>
internal static class CommandLineApp
{
    public const string Usage = """
        k8s-access bot: explains Kubernetes access errors and proposes the RBAC fix.

        Usage:
          ChatOpsBot [serve]                 run the bot's web server (Slack endpoints, /healthz)
          ChatOpsBot parse [--format text|json] [TEXT | -]
          ChatOpsBot diagnose (--snapshot DIR | --kubeconfig FILE [--context NAME])
                              [--as-user U] [--as-group G]... [--as-role ARN]
                              [--access-entries FILE]
                              [--format text|json] [TEXT | -]

        TEXT is the pasted error; without it (or with -) it is read from standard input.
        Exit codes: 0 found / fix proposed, 1 nothing found or nothing to fix, 2 bad usage or input.
        """;

    /// <summary>
    /// True when the arguments ask for a command-line verb rather than the server.
    /// </summary>
    public static bool IsCommandLineVerb(string[] args) =>
        args.Length > 0 && args[0] is "parse" or "diagnose" or "help" or "--help" or "-h";

    /// <summary>
    /// True when the first argument looks like a verb but is none of ours (<c>diagnos</c>):
    /// it must be refused, not taken as the server's settings.
    /// </summary>
    public static bool IsUnknownVerb(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && args[0] != "serve" && !IsCommandLineVerb(args);

    /// <summary>Runs the verb in <paramref name="args"/>[0] and returns the exit code.</summary>
    public static async Task<int> RunAsync(
        string[] args,
        Stream input,
        TextWriter output,
        TextWriter error,
        ILoggerFactory logging,
        CancellationToken cancellationToken)
    {
        try
        {
            var verb = args[0];
            if (verb is "help" or "--help" or "-h")
            {
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var options = CliOptions.Read(verb, args[1..]);
            if (options.Help)
            {
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return verb == "parse"
                ? await ParseCommand.RunAsync(options, input, output, cancellationToken)
                    .ConfigureAwait(false)
                : await DiagnoseCommand
                    .RunAsync(options, input, output, error, logging, cancellationToken)
                    .ConfigureAwait(false);
        }
        catch (UsageException problem)
        {
            await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (ClusterSourceException problem)
        {
            await error.WriteLineAsync($"{args[0]}: {OneLine(problem.Message)}")
                .ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"{args[0]}: cancelled").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (IOException problem)
        {
            await error.WriteLineAsync($"{args[0]}: cannot read input: {OneLine(problem.Message)}")
                .ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception problem) when (problem is ArgumentException or InvalidOperationException
            or UnauthorizedAccessException or NotSupportedException or FormatException)
        {
            // Whatever slipped past the checks above is still one line, never a stack trace.
            await error.WriteLineAsync($"{args[0]}: {OneLine(problem.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
