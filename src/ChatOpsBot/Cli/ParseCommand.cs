using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Cli;

/// <summary><c>parse</c>: prints every access attempt found in the pasted text.</summary>
internal static class ParseCommand
{
    /// <summary>Prints the attempts found; the exit code says if any was an access error.</summary>
    public static async Task<int> RunAsync(
        CliOptions options, Stream input, TextWriter output, CancellationToken cancellationToken)
    {
        var text = await InputReader.ReadAsync(options.Text, input, cancellationToken)
            .ConfigureAwait(false);
        var attempts = AccessErrorParser.Parse(text);

        foreach (var attempt in attempts)
        {
            var line = options.IsJson ? JsonOutput.Attempt(attempt) : TextOutput.Attempt(attempt);
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return attempts.Any(attempt => attempt.Kind != AttemptKind.NotAnAccessError)
            ? ExitCodes.Success
            : ExitCodes.NothingFound;
    }
}
