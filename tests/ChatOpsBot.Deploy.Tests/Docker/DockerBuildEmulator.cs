using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>
/// Builds what a Dockerfile describes without a Docker engine: each stage gets a folder standing
/// for its root; <c>WORKDIR</c>, <c>COPY</c> (from the context, through <c>.dockerignore</c>, or
/// <c>--from</c> an earlier stage) and <c>ENV</c> act on it, and the build stages' <c>RUN</c>
/// steps run here, with image paths in their arguments moved into that folder. Those steps
/// must be plain <c>dotnet</c> commands. The final stage's <c>RUN</c> steps (OS set-up such as
/// folders and owners) are recorded, not run: the app then runs on this machine's .NET runtime.
/// </summary>
internal sealed class DockerBuildEmulator
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);

    private readonly string _context;
    private readonly DockerIgnore _ignore;
    private readonly string _workArea;
    private readonly Dictionary<string, string> _stageRoots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepares a build of <paramref name="context"/> inside <paramref name="workArea"/>.</summary>
    public DockerBuildEmulator(string context, DockerIgnore ignore, string workArea)
    {
        _context = context;
        _ignore = ignore;
        _workArea = workArea;
    }

    /// <summary>Runs every stage and returns the final one as an image.</summary>
    public async Task<EmulatedImage> BuildAsync(DockerfileDocument dockerfile)
    {
        EmulatedImage? image = null;
        for (var index = 0; index < dockerfile.Stages.Count; index++)
        {
            var stage = dockerfile.Stages[index];
            var root = Path.Combine(_workArea, $"stage-{index}");
            Directory.CreateDirectory(root);
            image = await BuildStageAsync(stage, root, isFinal: index == dockerfile.Stages.Count - 1)
                .ConfigureAwait(false);
            _stageRoots[index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = root;
            if (stage.Name is not null)
            {
                _stageRoots[stage.Name] = root;
            }
        }

        return image!;
    }

    private async Task<EmulatedImage> BuildStageAsync(DockerStage stage, string root, bool isFinal)
    {
        if (_stageRoots.ContainsKey(stage.BaseImage))
        {
            throw new NotSupportedException($"a stage built FROM an earlier stage ({stage.BaseImage})");
        }

        var workingDirectory = "/";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipped = new List<DockerInstruction>();
        IReadOnlyList<string> entryPoint = [];
        IReadOnlyList<string> command = [];
        string? user = null;
        foreach (var step in stage.Instructions)
        {
            switch (step.Keyword)
            {
                case "WORKDIR":
                    workingDirectory = ContainerPath.Resolve(workingDirectory, Single(step));
                    Directory.CreateDirectory(ContainerPath.OnHost(root, workingDirectory));
                    break;
                case "COPY" or "ADD":
                    Copy(step, root, workingDirectory);
                    break;
                case "ENV":
                    foreach (var (name, value) in step.Pairs())
                    {
                        environment[name] = value;
                    }

                    break;
                case "RUN" when isFinal:
                    skipped.Add(step);
                    break;
                case "RUN":
                    await RunAsync(step, root, workingDirectory, environment).ConfigureAwait(false);
                    break;
                case "ENTRYPOINT":
                    entryPoint = ExecForm(step);
                    command = [];
                    break;
                case "CMD":
                    command = ExecForm(step);
                    break;
                case "USER":
                    user = Single(step);
                    break;
                default:
                    // ARG, EXPOSE, VOLUME, LABEL, … change no file.
                    break;
            }
        }

        return new EmulatedImage(root, workingDirectory, environment, entryPoint, command, user, skipped);
    }

    private void Copy(DockerInstruction step, string root, string workingDirectory)
    {
        var words = step.Words;
        if (step.Keyword == "ADD" || words.Count < 2)
        {
            throw new NotSupportedException($"line {step.Line}: only COPY SOURCE… DEST is supported");
        }

        var from = step.Flag("from");
        var sourceRoot = from is null ? _context
            : _stageRoots.TryGetValue(from, out var stageRoot) ? stageRoot
            : throw new NotSupportedException($"line {step.Line}: COPY --from={from} names no earlier stage");
        var destination = ContainerPath.Resolve(workingDirectory, words[^1]);
        var intoFolder = words[^1].EndsWith('/') || words.Count > 2;
        foreach (var source in words.Take(words.Count - 1))
        {
            var relative = ContainerPath.Resolve("/", source).TrimStart('/');
            var hostSource = relative.Length == 0 ? sourceRoot : Path.Combine(sourceRoot, relative);
            if (from is null && relative.Length > 0 && _ignore.Excludes(relative))
            {
                throw new InvalidOperationException(
                    $"line {step.Line}: COPY {source} is excluded by .dockerignore");
            }

            if (Directory.Exists(hostSource))
            {
                var contextPath = from is null ? relative : null;
                CopyFolder(hostSource, ContainerPath.OnHost(root, destination), contextPath);
            }
            else if (File.Exists(hostSource))
            {
                var intoDestination = intoFolder || Directory.Exists(ContainerPath.OnHost(root, destination));
                var target = ContainerPath.OnHost(root, intoDestination
                    ? ContainerPath.Resolve(destination, Path.GetFileName(hostSource))
                    : destination);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(hostSource, target, overwrite: true);
            }
            else
            {
                throw new FileNotFoundException(
                    $"line {step.Line}: COPY {source}: no such file or folder", hostSource);
            }
        }
    }

    private void CopyFolder(string source, string target, string? contextRelative)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var relative = contextRelative is null ? null
                : contextRelative.Length == 0 ? entry.Name : $"{contextRelative}/{entry.Name}";
            if (relative is not null && _ignore.Excludes(relative))
            {
                continue;
            }

            var destination = Path.Combine(target, entry.Name);
            if (entry is DirectoryInfo)
            {
                CopyFolder(entry.FullName, destination, relative);
            }
            else
            {
                File.Copy(entry.FullName, destination, overwrite: true);
            }
        }
    }

    private static async Task RunAsync(
        DockerInstruction step,
        string root,
        string workingDirectory,
        Dictionary<string, string> stageEnvironment)
    {
        var words = step.Words;
        if (words.Count == 0 || words[0] != "dotnet")
        {
            throw new NotSupportedException(
                $"line {step.Line}: a build step this test can run is a plain dotnet command: "
                + $"RUN {step.Arguments}");
        }

        // Paths inside the image (such as "-o /app") land in the stage's folder.
        var arguments = words.Skip(1)
            .Select(word => word.StartsWith('/') ? ContainerPath.OnHost(root, word) : word)
            .ToList();
        var environment = DotnetEnvironment.ForChildBuild();
        foreach (var (name, value) in stageEnvironment)
        {
            environment[name] = value;
        }

        var result = await ProcessRunner.RunAsync(
                "dotnet", arguments, ContainerPath.OnHost(root, workingDirectory), StepTimeout, environment)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"line {step.Line}: RUN {step.Arguments} failed: {result.Describe()}");
        }
    }

    private static string Single(DockerInstruction step)
    {
        var words = step.Words;
        return words.Count == 1
            ? words[0]
            : throw new FormatException($"line {step.Line}: {step.Keyword} takes one value");
    }

    private static List<string> ExecForm(DockerInstruction step) =>
        step.IsExecForm
            ? step.Words.ToList()
            : throw new NotSupportedException(
                $"line {step.Line}: {step.Keyword} in shell form; use the exec (JSON) form");
}
