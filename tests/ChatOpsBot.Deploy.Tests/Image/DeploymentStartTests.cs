using System.Text.Json;
using ChatOpsBot.Deploy.Tests.Manifests;
using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Image;

/// <summary>
/// Each install's Deployment, run on the built image as the kubelet would run it (its ConfigMap
/// and Secret mounted as files, its environment and command): the configuration it ships is
/// one the bot starts with, and it serves the clusters that configuration names.
/// </summary>
[Collection(BuiltImageGroup.Name)]
public sealed class DeploymentStartTests(BuiltImageFixture built)
{
    public static TheoryData<string> Installs => new(Kustomize.Installs());

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task TheDeploymentsContainerStartsWithItsOwnConfiguration(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var deployment = Assert.Single(build.Objects.OfType<V1Deployment>());
        var root = Path.Combine(Path.GetTempPath(), "chatopsbot-pod-" + Guid.NewGuid().ToString("N"));
        var dummySecrets = new List<string>();
        try
        {
            var pod = PodFiles.Prepare(deployment, build.Objects, built.Image, root, secretName =>
                DummySecret(deployment, secretName, dummySecrets));

            await using var bot =
                RunningBot.Start(pod.Root, pod.Command, pod.WorkingDirectory, pod.Environment);

            using var ready =
                await bot.WaitForOkAsync(PodHardeningPolicy.ReadinessPath, TimeSpan.FromSeconds(60));
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal(
                ConfiguredClusterNames(build),
                body.RootElement.GetProperty("clusters").EnumerateArray().Select(name => name.GetString()!));
            Assert.Equal(0, await bot.TerminateAsync(TimeSpan.FromSeconds(20)));
            foreach (var secret in dummySecrets.Concat(SecretValues(build)))
            {
                Assert.DoesNotContain(secret, bot.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// A Secret the install expects to be made by hand: a value for each file the env names.
    /// </summary>
    private static Dictionary<string, string> DummySecret(
        V1Deployment deployment, string secretName, List<string> made)
    {
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var volume = pod.Volumes.Single(candidate => candidate.Secret?.SecretName == secretName);
        var mount = container.VolumeMounts.Single(mount => mount.Name == volume.Name);
        var mountPath = mount.MountPath.TrimEnd('/') + "/";
        var files = container.Env
            .Where(variable => variable.Value?.StartsWith(mountPath, StringComparison.Ordinal) == true)
            .ToDictionary(
                variable => variable.Value![mountPath.Length..],
                _ => "dummy-" + Guid.NewGuid().ToString("N"));
        made.AddRange(files.Values);
        return files;
    }

    private static List<string> ConfiguredClusterNames(KustomizeBuild build)
    {
        var settings = Assert.Single(Assert.Single(build.Objects.OfType<V1ConfigMap>()).Data).Value;
        using var json = JsonDocument.Parse(settings);
        return json.RootElement.GetProperty("Clusters").EnumerateArray()
            .Select(cluster => cluster.GetProperty("Name").GetString()!)
            .ToList();
    }

    private static IEnumerable<string> SecretValues(KustomizeBuild build) =>
        build.Objects.OfType<V1Secret>().SelectMany(secret => secret.StringData?.Values ?? []);
}
