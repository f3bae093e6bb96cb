using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ChatOpsBot.Deploy.Tests.Docker;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Image;

/// <summary>
/// The image's entry point started on this machine, listening on a loopback port the OS picks,
/// and stopped the way Kubernetes stops a container: SIGTERM, then a bounded wait.
/// </summary>
internal sealed class RunningBot : IAsyncDisposable
{
    // Kestrel's start-up line (Microsoft.Hosting.Lifetime) names the port it bound for port 0.
    private static readonly Regex Listening = new(
        "Now listening on: (http://127\\.0\\.0\\.1:[0-9]{1,5})", RegexOptions.NonBacktracking);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _standardOutput = [];
    private readonly TaskCompletionSource<Uri> _address =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private RunningBot(Process process)
    {
        _process = process;
    }

    /// <summary>Where the bot listens, once it said so (see <see cref="WaitForAddressAsync"/>).</summary>
    /// <exception cref="InvalidOperationException">The bot has not said where it listens yet.</exception>
    public Uri BaseAddress => _address.Task.IsCompletedSuccessfully
        ? _address.Task.Result
        : throw new InvalidOperationException($"the bot has not said where it listens yet:\n{Output}");

    /// <summary>The lines the bot printed on standard output so far (its log lines).</summary>
    public IReadOnlyList<string> StandardOutputLines
    {
        get
        {
            lock (_output)
            {
                return [.. _standardOutput];
            }
        }
    }

    /// <summary>Everything the bot printed so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="command"/> (the image's entry point and command, or a container's
    /// override) in <paramref name="workingDirectory"/> with <c>--urls</c> added; an absolute
    /// program path is taken inside <paramref name="root"/>, the folder standing for <c>/</c>.
    /// </summary>
    public static RunningBot Start(
        string root,
        IReadOnlyList<string> command,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        if (command.Count == 0)
        {
            throw new InvalidOperationException("the image has no ENTRYPOINT or CMD");
        }

        // Port 0: a port picked here and released could be taken by a parallel test before the
        // bot binds it, so the bot binds and then says which port it got.
        var program = command[0].StartsWith('/') ? ContainerPath.OnHost(root, command[0])
            : command[0].Contains('/', StringComparison.Ordinal) ? Path.Combine(workingDirectory, command[0])
            : command[0];
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1).Concat(["--urls", "http://127.0.0.1:0"]))
        {
            start.ArgumentList.Add(argument);
        }

        ProcessRunner.Apply(start, DotnetEnvironment.ForApp(environment));
        var bot = new RunningBot(ProcessRunner.StartOrExplain(start));
        bot._process.OutputDataReceived += (_, line) => bot.Append(line.Data, standardOutput: true);
        bot._process.ErrorDataReceived += (_, line) => bot.Append(line.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until the bot says where it listens.</summary>
    /// <exception cref="InvalidOperationException">The bot exited or did not listen in time.</exception>
    public async Task<Uri> WaitForAddressAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(limit.Token);
        await Task.WhenAny(_address.Task, exited).ConfigureAwait(false);
        if (_address.Task.IsCompletedSuccessfully)
        {
            return _address.Task.Result;
        }

        throw new InvalidOperationException(_process.HasExited
            ? $"the bot exited with code {_process.ExitCode} before it listened:\n{Output}"
            : $"the bot did not say where it listens within {timeout}:\n{Output}");
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200.</summary>
    /// <exception cref="InvalidOperationException">The bot exited or never answered 200 in time.</exception>
    public async Task<HttpResponseMessage> WaitForOkAsync(string path, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var url = new Uri(await WaitForAddressAsync(timeout).ConfigureAwait(false), path);
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"the bot exited with code {_process.ExitCode} before {path} answered:\n{Output}");
            }

            try
            {
                var response = await _http.GetAsync(url).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                last = $"{(int)response.StatusCode} {body}";
                response.Dispose();
            }
            catch (HttpRequestException problem)
            {
                last = problem.Message;
            }
            catch (TaskCanceledException)
            {
                last = "a request timed out";
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new InvalidOperationException(
            $"{path} did not answer 200 within {timeout} (last: {last}):\n{Output}");
    }

    /// <summary>Waits for the bot to exit by itself; returns its exit code.</summary>
    /// <exception cref="TimeoutException">It was still running after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the bot was still running after {timeout}:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM and waits for the bot to exit; returns its exit code.</summary>
    /// <exception cref="TimeoutException">It was still running after <paramref name="timeout"/>.</exception>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        PosixSignals.Terminate(_process.Id);
        return await WaitForExitAsync(timeout).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Append(string? line, bool standardOutput = false)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (standardOutput)
            {
                _standardOutput.Add(line);
            }
        }

        if (standardOutput && !_address.Task.IsCompleted && Listening.Match(line) is { Success: true } match)
        {
            _address.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }
}
