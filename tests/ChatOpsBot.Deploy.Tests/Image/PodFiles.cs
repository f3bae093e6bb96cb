using System.Text;
using ChatOpsBot.Deploy.Tests.Docker;
using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Image;

/// <summary>
/// The bot's container of a built Deployment laid out on this machine the way the kubelet would:
/// a copy of the image's working folder under a folder that stands for the container's
/// <c>/</c>, each volume mounted there (ConfigMap and Secret keys as files, emptyDir and
/// PersistentVolumeClaim as empty folders), and the container's command and environment with
/// every absolute path moved under that folder.
/// </summary>
internal sealed class PodFiles
{
    private PodFiles(string root, string workingDirectory, IReadOnlyList<string> command,
        IReadOnlyDictionary<string, string> environment)
    {
        Root = root;
        WorkingDirectory = workingDirectory;
        Command = command;
        Environment = environment;
    }

    /// <summary>The host folder standing for the container's <c>/</c>.</summary>
    public string Root { get; }

    /// <summary>The host folder the container starts in.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Entry point and arguments, as Kubernetes combines the image's and the container's.</summary>
    public IReadOnlyList<string> Command { get; }

    /// <summary>The image's environment with the container's on top.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>
    /// Lays out the single container of <paramref name="deployment"/> under <paramref name="root"/>.
    /// <paramref name="objects"/> supply ConfigMaps and Secrets; a Secret the build lacks comes
    /// from <paramref name="missingSecret"/>.
    /// </summary>
    public static PodFiles Prepare(
        V1Deployment deployment,
        IReadOnlyList<object> objects,
        EmulatedImage image,
        string root,
        Func<string, IReadOnlyDictionary<string, string>> missingSecret)
    {
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var namespaceName = deployment.Namespace();
        var workingDirectory = container.WorkingDir ?? image.WorkingDirectory;
        CopyFolder(image.OnHost(image.WorkingDirectory), ContainerPath.OnHost(root, image.WorkingDirectory));

        var mountPaths = (container.VolumeMounts ?? []).Select(mount => mount.MountPath).ToList();
        foreach (var mount in container.VolumeMounts ?? [])
        {
            var volume = pod.Volumes.Single(candidate => candidate.Name == mount.Name);
            var files = FilesOf(volume, objects, namespaceName, missingSecret);
            var target = ContainerPath.OnHost(root, mount.MountPath);
            if (mount.SubPath is { Length: > 0 } subPath)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, OntoRoot(files[subPath], mountPaths, root));
                continue;
            }

            Directory.CreateDirectory(target);
            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(target, name), OntoRoot(content, mountPaths, root));
            }
        }

        // Kubernetes: command replaces ENTRYPOINT; args replace CMD; command alone drops CMD.
        var entryPoint = container.Command?.ToList() ?? image.EntryPoint;
        var arguments = container.Args?.ToList() ?? (container.Command is null ? image.Command : []);
        var environment = new Dictionary<string, string>(image.Environment, StringComparer.Ordinal);
        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name] = variable.Value
                ?? throw new NotSupportedException(
                    $"env {variable.Name} uses valueFrom; only values are laid out");
        }

        var moved = environment.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.StartsWith('/') ? ContainerPath.OnHost(root, pair.Value) : pair.Value,
            StringComparer.Ordinal);
        return new PodFiles(
            root, ContainerPath.OnHost(root, workingDirectory), [.. entryPoint, .. arguments], moved);
    }

    private static Dictionary<string, string> FilesOf(
        V1Volume volume, IReadOnlyList<object> objects, string namespaceName,
        Func<string, IReadOnlyDictionary<string, string>> missingSecret)
    {
        if (volume.ConfigMap is { } configMapSource)
        {
            var configMap = objects.OfType<V1ConfigMap>().Single(candidate =>
                candidate.Name() == configMapSource.Name && candidate.Namespace() == namespaceName);
            return new Dictionary<string, string>(configMap.Data ?? new Dictionary<string, string>());
        }

        if (volume.Secret is { } secretSource)
        {
            var secret = objects.OfType<V1Secret>().SingleOrDefault(candidate =>
                candidate.Name() == secretSource.SecretName && candidate.Namespace() == namespaceName);
            return secret is null
                ? new Dictionary<string, string>(missingSecret(secretSource.SecretName))
                : SecretFiles(secret);
        }

        return volume.EmptyDir is not null || volume.PersistentVolumeClaim is not null
            ? []
            : throw new NotSupportedException(
                $"volume {volume.Name} is of a kind this test does not lay out");
    }

    // The pod's files name places inside its mounts (/data/k8s-access.db); on the host those are
    // under the test's root, so the bot never writes outside it (the host's /data is not ours).
    private static string OntoRoot(string content, IEnumerable<string> mountPaths, string root)
    {
        foreach (var mountPath in mountPaths)
        {
            var inside = mountPath.TrimEnd('/') + "/";
            content = content.Replace(
                "\"" + inside, "\"" + ContainerPath.OnHost(root, mountPath).TrimEnd('/') + "/",
                StringComparison.Ordinal);
        }

        return content;
    }

    private static Dictionary<string, string> SecretFiles(V1Secret secret)
    {
        var files = (secret.Data ?? new Dictionary<string, byte[]>())
            .ToDictionary(
                pair => pair.Key, pair => Encoding.UTF8.GetString(pair.Value), StringComparer.Ordinal);
        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            files[key] = value;
        }

        return files;
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
