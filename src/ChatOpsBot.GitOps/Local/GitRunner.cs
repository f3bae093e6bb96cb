using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ChatOpsBot.GitOps.Repository;

namespace ChatOpsBot.GitOps.Local;

/// <summary>What one <c>git</c> command printed and how it ended.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output, as bytes (blobs are passed through unchanged).</param>
/// <param name="Error">Standard error, shortened.</param>
internal sealed record GitResult(int ExitCode, byte[] Output, string Error)
{
    /// <summary>Standard output as text, without the final line break.</summary>
    public string Text => Encoding.UTF8.GetString(Output).TrimEnd('\n', '\r');
}

/// <summary>
/// Runs the <c>git</c> command line on one repository: an argument list (never a shell), a
/// timeout, no prompts, no hooks, no signing, no line-ending conversion, and the repository
/// named explicitly so that Git never wanders into a parent folder's repository.
/// </summary>
internal sealed class GitRunner
{
    private const int MaxOutput = 16 * 1024 * 1024;
    private const int MaxError = 4000;

    private readonly string _workTree;
    private readonly LocalGitRbacOptions _options;

    public GitRunner(string workTree, LocalGitRbacOptions options)
    {
        _workTree = workTree;
        _options = options;
    }

    /// <summary>The repository's Git folder.</summary>
    public string GitDir => Path.Combine(_workTree, ".git");

    /// <summary>The bot's own folder inside the Git folder (state, temporary index).</summary>
    public string StateDir => Path.Combine(GitDir, "k8s-access");

    /// <summary>Runs git and throws unless it exits with 0.</summary>
    /// <exception cref="RbacRepositoryException">Git failed, timed out or is missing.</exception>
    public async Task<GitResult> RunAsync(IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        byte[]? input = null, string? indexFile = null)
    {
        var result = await TryAsync(arguments, cancellationToken, input, indexFile).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result
            : throw new RbacRepositoryException(
                $"git {arguments[0]} failed ({result.ExitCode}): {FirstLine(result.Error)}");
    }

    /// <summary>Runs git; a non-zero exit is returned, not thrown.</summary>
    /// <exception cref="RbacRepositoryException">Git timed out or is missing.</exception>
    public async Task<GitResult> TryAsync(IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        byte[]? input = null, string? indexFile = null)
    {
        using var process = new Process { StartInfo = StartInfo(arguments, indexFile) };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new RbacRepositoryException("The git command line could not be started; is git installed?",
                exception);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CommandTimeout);
        try
        {
            var output = ReadLimitedAsync(process.StandardOutput.BaseStream, MaxOutput, timeout.Token);
            var error = ReadLimitedAsync(process.StandardError.BaseStream, MaxError, timeout.Token);
            if (input is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(input, timeout.Token).ConfigureAwait(false);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var bytes = await output.ConfigureAwait(false);
            var errorText = Encoding.UTF8.GetString(await error.ConfigureAwait(false));
            return new GitResult(process.ExitCode, bytes, errorText);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new RbacRepositoryException(
                $"git {arguments[0]} took longer than {_options.CommandTimeout.TotalSeconds:0} s "
                + "and was stopped.");
        }
        catch (IOException exception)
        {
            Stop(process);
            throw new RbacRepositoryException($"git {arguments[0]} failed: {exception.Message}", exception);
        }
    }

    private ProcessStartInfo StartInfo(IReadOnlyList<string> arguments, string? indexFile)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = _workTree,
        };
        var settings = new[]
        {
            $"user.name={_options.AuthorName}", $"user.email={_options.AuthorEmail}",
            "commit.gpgsign=false", "tag.gpgsign=false", "core.autocrlf=false", "core.safecrlf=false",
            "core.fsmonitor=false", "core.quotePath=false", "gc.auto=0", "maintenance.auto=false",
            $"core.hooksPath={Path.Combine(StateDir, "no-hooks")}", "advice.detachedHead=false",
        };
        foreach (var setting in settings)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Inherited Git variables could point at another repository; only ours are set.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("GIT_",
            StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GIT_DIR"] = GitDir;
        start.Environment["GIT_WORK_TREE"] = _workTree;
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["LC_ALL"] = "C";
        if (indexFile is not null)
        {
            start.Environment["GIT_INDEX_FILE"] = indexFile;
        }

        return start;
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, int limit, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            // Keep reading past the limit so git never blocks on a full pipe; keep only the start.
            var keep = (int)Math.Min(read, Math.Max(0, limit - buffer.Length));
            buffer.Write(chunk, 0, keep);
        }

        return buffer.ToArray();
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
