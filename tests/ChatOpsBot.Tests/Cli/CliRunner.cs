using System.Text;
using ChatOpsBot.Cli;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Tests.Cli;

/// <summary>Runs the command line in-process, as a shell would, and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string Examples => Path.Combine(AppContext.BaseDirectory, "examples");

    public static Task<Result> RunAsync(string stdin, params string[] args) =>
        RunAsync(Encoding.UTF8.GetBytes(stdin), args);

    public static async Task<Result> RunAsync(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLineApp.RunAsync(
            args, input, output, error, NullLoggerFactory.Instance, CancellationToken.None);
        return new Result(code, output.ToString(), error.ToString());
    }
}
