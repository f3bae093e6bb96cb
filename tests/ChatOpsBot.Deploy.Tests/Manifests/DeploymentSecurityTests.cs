using k8s;
using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>
/// How each install runs the bot's pod (non-root, no escalation, read-only root, no
/// capabilities, RuntimeDefault seccomp, probes, resources, writable /tmp and /data, secrets in
/// files), and that the policy notices each of those being undone.
/// </summary>
public sealed class DeploymentSecurityTests
{
    public static TheoryData<string> Installs => new(Kustomize.Installs());

    public static TheoryData<string, string> Weakenings => new()
    {
        { "runAsNonRoot", "runAsNonRoot" },
        { "runAsUser 0", "user 0" },
        { "allowPrivilegeEscalation", "allowPrivilegeEscalation" },
        { "readOnlyRootFilesystem", "readOnlyRootFilesystem" },
        { "privileged", "privileged" },
        { "capabilities", "drop ALL" },
        { "added capability", "adds capabilities" },
        { "seccomp", "seccomp" },
        { "limits", "resources.limits" },
        { "liveness", "liveness" },
        { "readiness path", "/readyz" },
        { "probe port", "does not declare" },
        { "tmp", "/tmp" },
        { "data", "/data" },
        { "secret in env", "mount the Secret" },
        { "secret file outside mount", "not a file in a mounted Secret" },
        { "host path", "host path" },
        { "host network", "network" },
    };

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task ThePodIsHardened(string install)
    {
        var deployment = await DeploymentOf(install);

        var problems = PodHardeningPolicy.Problems(deployment);
        Assert.True(problems.Count == 0, $"{install}'s pod is not hardened:\n{string.Join('\n', problems)}");
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task TheContainerSecurityContextIsExactlyAsRequired(string install)
    {
        var pod = (await DeploymentOf(install)).Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var security = container.SecurityContext;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.False(security.AllowPrivilegeEscalation);
        Assert.True(security.ReadOnlyRootFilesystem);
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
    }

    [Theory]
    [MemberData(nameof(Weakenings))]
    public async Task EachWeakeningIsReported(string weakening, string expectedProblem)
    {
        var deployment = await DeploymentOf("deploy/base");
        Weaken(deployment, weakening);

        var problems = PodHardeningPolicy.Problems(deployment);

        Assert.Contains(problems, problem => problem.Contains(expectedProblem, StringComparison.Ordinal));
    }

    private static async Task<V1Deployment> DeploymentOf(string install)
    {
        var build = await Kustomize.BuildAsync(install);

        // A copy, so that a test may change it without touching the shared build.
        var deployment = Assert.Single(build.Objects.OfType<V1Deployment>());
        return KubernetesYaml.Deserialize<V1Deployment>(KubernetesYaml.Serialize(deployment));
    }

    private static void Weaken(V1Deployment deployment, string weakening)
    {
        var pod = deployment.Spec.Template.Spec;
        var container = pod.Containers[0];
        var security = container.SecurityContext;
        switch (weakening)
        {
            case "runAsNonRoot":
                pod.SecurityContext.RunAsNonRoot = null;
                security.RunAsNonRoot = null;
                break;
            case "runAsUser 0":
                security.RunAsUser = 0;
                break;
            case "allowPrivilegeEscalation":
                security.AllowPrivilegeEscalation = null;
                break;
            case "readOnlyRootFilesystem":
                security.ReadOnlyRootFilesystem = false;
                break;
            case "privileged":
                security.Privileged = true;
                break;
            case "capabilities":
                security.Capabilities.Drop = ["NET_RAW"];
                break;
            case "added capability":
                security.Capabilities.Add = ["NET_BIND_SERVICE"];
                break;
            case "seccomp":
                security.SeccompProfile = new V1SeccompProfile { Type = "Unconfined" };
                break;
            case "limits":
                container.Resources.Limits.Remove("memory");
                break;
            case "liveness":
                container.LivenessProbe = null;
                break;
            case "readiness path":
                container.ReadinessProbe.HttpGet.Path = "/healthz";
                break;
            case "probe port":
                container.LivenessProbe.HttpGet.Port = "9999";
                break;
            case "tmp":
                container.VolumeMounts =
                    container.VolumeMounts.Where(mount => mount.MountPath != "/tmp").ToList();
                break;
            case "data":
                pod.Volumes.Single(volume => volume.Name == "data").PersistentVolumeClaim = null;
                pod.Volumes.Single(volume => volume.Name == "data").EmptyDir = new V1EmptyDirVolumeSource();
                break;
            case "secret in env":
                container.Env.Add(new V1EnvVar { Name = "Slack__BotToken", Value = "xoxb-in-the-manifest" });
                break;
            case "secret file outside mount":
                container.Env.Single(variable => variable.Name == "Slack__BotTokenFile").Value =
                    "/tmp/bot-token";
                break;
            case "host path":
                pod.Volumes.Add(new V1Volume
                {
                    Name = "host",
                    HostPath = new V1HostPathVolumeSource { Path = "/var/run" },
                });
                break;
            case "host network":
                pod.HostNetwork = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(weakening), weakening, "no such weakening");
        }
    }
}
