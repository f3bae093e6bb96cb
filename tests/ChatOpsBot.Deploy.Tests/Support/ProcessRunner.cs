using System.Diagnostics;
using System.Text;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>What a finished command printed and returned.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both outputs, for a failure message.</summary>
    public string Describe() =>
        $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>Runs a command to its end with a time limit; a command that overruns is killed.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> (no shell) in
    /// <paramref name="workingDirectory"/>, with the given environment changes (null removes).
    /// </summary>
    /// <exception cref="FileNotFoundException">The program is not installed.</exception>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/>.</exception>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Apply(start, environment);

        using var process = StartOrExplain(start);
        process.StandardInput.Close();
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(error, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{fileName} {string.Join(' ', start.ArgumentList)} "
                + $"ran longer than {timeout.TotalSeconds:0} s;"
                + $" output so far:\n{Snapshot(output)}\n{Snapshot(error)}");
        }

        return new CommandResult(process.ExitCode, Snapshot(output), Snapshot(error));
    }

    /// <summary>Sets and removes environment variables of a process about to start.</summary>
    public static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string?>? environment)
    {
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
    }

    /// <summary>Starts a process, turning "no such program" into a one-line explanation.</summary>
    public static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)
                ?? throw new InvalidOperationException($"{start.FileName} did not start");
        }
        catch (System.ComponentModel.Win32Exception problem)
        {
            throw new FileNotFoundException(
                $"{start.FileName} cannot be started ({problem.Message}); is it installed and on PATH?",
                start.FileName,
                problem);
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
