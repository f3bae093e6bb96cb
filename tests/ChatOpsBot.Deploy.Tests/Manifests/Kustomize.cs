using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ChatOpsBot.Deploy.Tests.Support;
using k8s;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>A kustomization built by <c>kubectl kustomize</c>, and its objects.</summary>
/// <param name="Directory">The kustomization's folder, relative to the repository.</param>
/// <param name="Yaml">What kustomize printed.</param>
/// <param name="Warnings">What it printed on standard error (deprecations, …).</param>
/// <param name="Objects">The objects, as KubernetesClient's typed models.</param>
internal sealed record KustomizeBuild(
    string Directory, string Yaml, string Warnings, IReadOnlyList<object> Objects);

/// <summary>
/// Builds the repository's kustomizations with the kubectl on this machine. A missing or too
/// old kubectl is a test failure that says so: nothing here is skipped.
/// </summary>
internal static partial class Kustomize
{
    /// <summary>kustomize v4 is the first that takes folders in <c>resources:</c> (kubectl 1.21).</summary>
    public static readonly Version MinimumVersion = new(4, 0);

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<Task<Version>> InstalledVersion = new(ReadVersionAsync);
    private static readonly ConcurrentDictionary<string, Lazy<Task<KustomizeBuild>>> Builds = new();

    /// <summary>The folders under deploy/ that hold a kustomization, relative to the repository.</summary>
    public static IReadOnlyList<string> AllKustomizations() =>
        System.IO.Directory
            .EnumerateFiles(Repository.PathOf("deploy"), "kustomization.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(file)!))
            .Select(folder => folder.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The kustomizations that install the bot: deploy/base and every overlay.</summary>
    public static IReadOnlyList<string> Installs() =>
        AllKustomizations()
            .Where(folder => folder == "deploy/base"
                             || folder.StartsWith("deploy/overlays/", StringComparison.Ordinal))
            .ToList();

    /// <summary>Builds (once per test run) the kustomization in <paramref name="directory"/>.</summary>
    public static Task<KustomizeBuild> BuildAsync(string directory) =>
        Builds.GetOrAdd(directory, folder => new Lazy<Task<KustomizeBuild>>(() => RunBuildAsync(folder)))
            .Value;

    private static async Task<KustomizeBuild> RunBuildAsync(string directory)
    {
        var version = await InstalledVersion.Value.ConfigureAwait(false);
        if (version < MinimumVersion)
        {
            throw new InvalidOperationException(
                $"kubectl's built-in kustomize is v{version}; "
                + $"deploy/ needs v{MinimumVersion} or newer (kubectl 1.21+)");
        }

        var result = await KubectlAsync(["kustomize", directory]).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed: {result.Describe()}");
        }

        var objects = KubernetesYaml.LoadAllFromString(result.StandardOutput);
        return new KustomizeBuild(directory, result.StandardOutput, result.StandardError.Trim(), objects);
    }

    private static async Task<Version> ReadVersionAsync()
    {
        var result = await KubectlAsync(["version", "--client"]).ConfigureAwait(false);
        var match = KustomizeVersionLine().Match(result.StandardOutput);
        return match.Success
            ? new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : throw new InvalidOperationException(
                "kubectl version --client names no kustomize version; "
                + $"kubectl is too old for deploy/: {result.Describe()}");
    }

    private static async Task<CommandResult> KubectlAsync(IReadOnlyList<string> arguments)
    {
        try
        {
            return await ProcessRunner.RunAsync("kubectl", arguments, Repository.Root, Timeout)
                .ConfigureAwait(false);
        }
        catch (FileNotFoundException problem)
        {
            throw new InvalidOperationException(
                "kubectl is not installed: the deploy tests build deploy/ with `kubectl kustomize` "
                + "(kubectl 1.21 or newer); install it and run the tests again. " + problem.Message,
                problem);
        }
    }

    [GeneratedRegex(@"Kustomize Version: v(\d+)\.(\d+)", RegexOptions.NonBacktracking)]
    private static partial Regex KustomizeVersionLine();
}
