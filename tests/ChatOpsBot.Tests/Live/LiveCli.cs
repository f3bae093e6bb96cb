using System.Diagnostics;
using System.Text;
using ChatOpsBot.Cli;
using ChatOpsBot.Kubernetes.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// Runs <c>diagnose</c> in-process as a shell would, with a deadline so that no test can hang:
/// past it the command is cancelled (and says so on standard error).
/// </summary>
internal static class LiveCli
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed);

    /// <summary>The seed case's pasted error.</summary>
    public static string SeedError => File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "examples", SeedCase.Name, "error.txt"));

    /// <summary>Runs the command line with the CLI's own live-cluster options.</summary>
    public static Task<Result> RunAsync(string stdin, params string[] args) => RunAsync(null, stdin, args);

    /// <summary>Runs the command line, the live source using <paramref name="options"/> when given.</summary>
    public static async Task<Result> RunAsync(LiveClusterOptions? options, string stdin, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var deadline = new CancellationTokenSource(Deadline);
        using var scope = options is null ? null : DiagnoseCommand.UseLiveOptions(options);

        var started = Stopwatch.GetTimestamp();
        var code = await CommandLineApp.RunAsync(
            args, input, output, error, NullLoggerFactory.Instance, deadline.Token);
        return new Result(code, output.ToString(), error.ToString(), Stopwatch.GetElapsedTime(started));
    }
}
