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

            using var body = await ReadinessAsync(bot);
            var clusters = ConfiguredClusterNames(build);
            Assert.Equal(
                clusters,
                body.RootElement.GetProperty("clusters").EnumerateArray().Select(name => name.GetString()!));

            // Outside a pod an in-cluster cluster cannot be reached: not ready, saying which and why.
            if (!body.RootElement.GetProperty("ready").GetBoolean())
            {
                var reason = body.RootElement.GetProperty("reason").GetString()!;
                Assert.Contains(
                    clusters, name => reason.StartsWith($"cluster {name} ", StringComparison.Ordinal));
                Assert.Contains("not running inside a Kubernetes pod", reason, StringComparison.Ordinal);
            }

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
    /// The readiness answer once the server has one about its clusters: 200, or 503 for a cluster
    /// (an in-cluster one cannot be reached on a test machine).
    /// </summary>
    private static async Task<JsonDocument> ReadinessAsync(RunningBot bot)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        using var http = new HttpClient
        {
            BaseAddress = await bot.WaitForAddressAsync(TimeSpan.FromSeconds(60)),
            Timeout = TimeSpan.FromSeconds(10),
        };
        var path = new Uri(PodHardeningPolicy.ReadinessPath, UriKind.Relative);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var answer = await http.GetAsync(path);
                var text = await answer.Content.ReadAsStringAsync();
                last = $"{(int)answer.StatusCode} {text}";
                var body = JsonDocument.Parse(text);
                if (answer.IsSuccessStatusCode || AboutACluster(body))
                {
                    return body;
                }

                body.Dispose();
            }
            catch (Exception problem)
                when (problem is HttpRequestException or TaskCanceledException or JsonException)
            {
                last = problem.GetType().Name;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException(
            $"/readyz said nothing about the clusters within 60 s (last: {last}):\n{bot.Output}");
    }

    private static bool AboutACluster(JsonDocument body) =>
        body.RootElement.TryGetProperty("reason", out var reason)
        && reason.GetString()?.StartsWith("cluster ", StringComparison.Ordinal) == true;

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
