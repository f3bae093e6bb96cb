using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>
/// How the bot's pod must run: as a non-root user without privilege escalation, with a read-only
/// root file system, no Linux capabilities and the runtime's default seccomp profile; with
/// resource requests and limits; probed on /healthz and /readyz; writing only to an emptyDir on
/// /tmp and a PersistentVolumeClaim on /data; its secrets in mounted files, never env values.
/// </summary>
internal static class PodHardeningPolicy
{
    /// <summary>Liveness: the process answers.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>Readiness: configuration valid and store reachable.</summary>
    public const string ReadinessPath = "/readyz";

    private static readonly string[] SecretWords = ["secret", "token", "password", "apikey"];

    /// <summary>Every way the Deployment's pod falls short, one sentence each.</summary>
    public static IReadOnlyList<string> Problems(V1Deployment deployment)
    {
        var pod = deployment.Spec.Template.Spec;
        var problems = new List<string>();
        if (pod.HostNetwork == true || pod.HostPID == true || pod.HostIPC == true)
        {
            problems.Add("the pod shares the node's network, PID or IPC namespace");
        }

        foreach (var volume in pod.Volumes ?? [])
        {
            if (volume.HostPath is not null)
            {
                problems.Add($"volume {volume.Name} mounts a host path");
            }
        }

        foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
        {
            CheckSecurity(container, pod.SecurityContext, problems);
            CheckResources(container, problems);
            CheckEnvironment(container, pod, problems);
        }

        foreach (var container in pod.Containers)
        {
            CheckProbe(container, "liveness", container.LivenessProbe, LivenessPath, problems);
            CheckProbe(container, "readiness", container.ReadinessProbe, ReadinessPath, problems);
            CheckWritableMount(
                container, pod, "/tmp", volume => volume.EmptyDir is not null, "an emptyDir", problems);
            CheckWritableMount(
                container, pod, "/data", volume => volume.PersistentVolumeClaim is not null,
                "a PersistentVolumeClaim", problems);
        }

        return problems;
    }

    private static void CheckSecurity(V1Container container, V1PodSecurityContext? pod, List<string> problems)
    {
        var own = container.SecurityContext;
        var name = $"container {container.Name}";
        if ((own?.RunAsNonRoot ?? pod?.RunAsNonRoot) != true)
        {
            problems.Add($"{name} does not set runAsNonRoot: true");
        }

        if ((own?.RunAsUser ?? pod?.RunAsUser) == 0)
        {
            problems.Add($"{name} runs as user 0");
        }

        if ((own?.SeccompProfile ?? pod?.SeccompProfile)?.Type != "RuntimeDefault")
        {
            problems.Add($"{name} does not use the RuntimeDefault seccomp profile");
        }

        if (own?.AllowPrivilegeEscalation != false)
        {
            problems.Add($"{name} does not set allowPrivilegeEscalation: false");
        }

        if (own?.ReadOnlyRootFilesystem != true)
        {
            problems.Add($"{name} does not set readOnlyRootFilesystem: true");
        }

        if (own?.Privileged == true)
        {
            problems.Add($"{name} is privileged");
        }

        if (own?.Capabilities?.Drop?.Contains("ALL") != true)
        {
            problems.Add($"{name} does not drop ALL capabilities");
        }

        if (own?.Capabilities?.Add is { Count: > 0 } added)
        {
            problems.Add($"{name} adds capabilities {string.Join(", ", added)}");
        }
    }

    private static void CheckResources(V1Container container, List<string> problems)
    {
        foreach (var (kind, values) in new[]
                 {
                     ("requests", container.Resources?.Requests),
                     ("limits", container.Resources?.Limits),
                 })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                if (values is null || !values.ContainsKey(resource))
                {
                    problems.Add($"container {container.Name} sets no {resource} in resources.{kind}");
                }
            }
        }
    }

    private static void CheckEnvironment(V1Container container, V1PodSpec pod, List<string> problems)
    {
        var secretVolumes = (pod.Volumes ?? []).Where(volume => volume.Secret is not null)
            .Select(volume => volume.Name)
            .ToHashSet(StringComparer.Ordinal);
        var secretMounts = (container.VolumeMounts ?? [])
            .Where(mount => secretVolumes.Contains(mount.Name))
            .Select(mount => mount.MountPath.TrimEnd('/') + "/")
            .ToList();
        foreach (var variable in container.Env ?? [])
        {
            var name = variable.Name.ToLowerInvariant();
            var isFileSetting = name.EndsWith("file", StringComparison.Ordinal);
            var namesSecret =
                Array.Exists(SecretWords, word => name.Contains(word, StringComparison.Ordinal));
            if (namesSecret && !isFileSetting && variable.Value is not null)
            {
                problems.Add($"container {container.Name} sets {variable.Name} to a value in the manifest; "
                             + $"mount the Secret and set {variable.Name}File instead");
            }

            var path = variable.Value ?? "";
            var inSecretMount =
                secretMounts.Exists(mount => path.StartsWith(mount, StringComparison.Ordinal));
            if (namesSecret && isFileSetting && !inSecretMount)
            {
                problems.Add($"container {container.Name}: {variable.Name} ({variable.Value}) is not a file "
                             + "in a mounted Secret");
            }
        }
    }

    private static void CheckProbe(
        V1Container container, string kind, V1Probe? probe, string path, List<string> problems)
    {
        if (probe?.HttpGet is not { } get)
        {
            problems.Add($"container {container.Name} has no HTTP {kind} probe");
            return;
        }

        if (get.Path != path)
        {
            problems.Add($"container {container.Name}'s {kind} probe asks {get.Path}, not {path}");
        }

        var port = get.Port.Value;
        var declared = (container.Ports ?? []).Any(p => p.Name == port
            || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == port);
        if (!declared)
        {
            problems.Add(
                $"container {container.Name}'s {kind} probe uses port {port}, which it does not declare");
        }
    }

    private static void CheckWritableMount(
        V1Container container, V1PodSpec pod, string path, Func<V1Volume, bool> isRightKind, string kind,
        List<string> problems)
    {
        var mount = (container.VolumeMounts ?? []).FirstOrDefault(m => m.MountPath.TrimEnd('/') == path);
        var volume = mount is null ? null : pod.Volumes?.FirstOrDefault(v => v.Name == mount.Name);
        if (volume is null || !isRightKind(volume) || mount!.ReadOnlyProperty == true)
        {
            problems.Add($"container {container.Name} has no writable {kind} on {path}");
        }
    }
}
