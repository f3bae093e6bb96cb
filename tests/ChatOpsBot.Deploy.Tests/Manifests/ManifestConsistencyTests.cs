using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Deploy.Tests.Docker;
using ChatOpsBot.Deploy.Tests.Support;
using k8s;
using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>
/// The objects of each install fit together, and fit the image: names and namespaces refer to
/// objects that exist, the Service reaches the pod, and the pod uses the image's port, user,
/// working folder and data volume.
/// </summary>
public sealed class ManifestConsistencyTests
{
    private const string BotNamespace = "k8s-access-bot";

    private static readonly string[] ClusterScopedKinds = ["Namespace", "ClusterRole", "ClusterRoleBinding"];

    private readonly DockerfileDocument _dockerfile = DockerfileDocument.Parse(Repository.Read("Dockerfile"));

    public static TheoryData<string> Installs => new(Kustomize.Installs());

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task EverythingLivesInTheBotsNamespaceButTheAwsAuthRole(string install)
    {
        var build = await Kustomize.BuildAsync(install);

        Assert.Contains(build.Objects.OfType<V1Namespace>(), ns => ns.Name() == BotNamespace);
        foreach (var item in build.Objects.Cast<IKubernetesObject<V1ObjectMeta>>())
        {
            var readsAwsAuth = item is V1Role or V1RoleBinding
                               && item.Name().EndsWith("aws-auth", StringComparison.Ordinal);
            var expected = ClusterScopedKinds.Contains(item.Kind) ? null
                : readsAwsAuth ? LeastPrivilegePolicy.AwsAuthNamespace
                : BotNamespace;
            Assert.True(
                expected == item.Namespace(),
                $"{item.Kind} {item.Name()} is in '{item.Namespace()}', not '{expected}'");
        }
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task ThePodsReferencesExist(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var deployment = Assert.Single(build.Objects.OfType<V1Deployment>());
        var pod = deployment.Spec.Template.Spec;

        Assert.Contains(
            build.Objects.OfType<V1ServiceAccount>(), account => account.Name() == pod.ServiceAccountName);
        Assert.NotEqual(false, pod.AutomountServiceAccountToken);
        foreach (var volume in pod.Volumes)
        {
            if (volume.PersistentVolumeClaim is { } claim)
            {
                Assert.Contains(
                    build.Objects.OfType<V1PersistentVolumeClaim>(), item => item.Name() == claim.ClaimName);
            }

            if (volume.ConfigMap is { } configMap)
            {
                Assert.Contains(build.Objects.OfType<V1ConfigMap>(), item => item.Name() == configMap.Name);
            }
        }

        var podLabels = deployment.Spec.Template.Metadata.Labels;
        Assert.All(
            deployment.Spec.Selector.MatchLabels, label => Assert.Equal(label.Value, podLabels[label.Key]));
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task TheServiceReachesThePodsHttpPort(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var deployment = Assert.Single(build.Objects.OfType<V1Deployment>());
        var service = Assert.Single(build.Objects.OfType<V1Service>());
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);

        Assert.All(service.Spec.Selector, label =>
            Assert.Equal(label.Value, deployment.Spec.Template.Metadata.Labels[label.Key]));
        var target = Assert.Single(service.Spec.Ports).TargetPort.Value;
        Assert.Contains(container.Ports, port => port.Name == target
            || port.ContainerPort.ToString(CultureInfo.InvariantCulture) == target);
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task ThePodUsesTheImagesPortUserFoldersAndEnvironmentName(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var pod = Assert.Single(build.Objects.OfType<V1Deployment>()).Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var image = _dockerfile.Final;

        var port = image.Environment()["ASPNETCORE_HTTP_PORTS"];
        Assert.Equal(port, Text(Assert.Single(container.Ports).ContainerPort));
        var user = Assert.IsType<DockerInstruction>(image.Last("USER")).Words.Single();
        Assert.Equal(user, Text(container.SecurityContext.RunAsUser ?? pod.SecurityContext.RunAsUser));
        var volumes = Assert.IsType<DockerInstruction>(image.Last("VOLUME")).Words;
        Assert.All(volumes, volume =>
            Assert.Contains(container.VolumeMounts, mount => mount.MountPath == volume));

        // ASP.NET Core reads appsettings.{Environment}.json from its content root, the image's WORKDIR.
        var workingDirectory = Assert.IsType<DockerInstruction>(image.Last("WORKDIR")).Words.Single();
        var environmentName =
            container.Env.Single(variable => variable.Name == "ASPNETCORE_ENVIRONMENT").Value;
        var settings = Assert.Single(container.VolumeMounts, mount => mount.SubPath is not null);
        Assert.Equal($"{workingDirectory}/appsettings.{environmentName}.json", settings.MountPath);
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task TheConfigurationNamesAnInClusterCluster(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var configMap = Assert.Single(build.Objects.OfType<V1ConfigMap>());

        var file = Assert.Single(configMap.Data);
        using var settings = JsonDocument.Parse(file.Value);
        var clusters = settings.RootElement.GetProperty("Clusters").EnumerateArray().ToList();
        Assert.Contains(clusters, cluster =>
            cluster.TryGetProperty("InCluster", out var inCluster) && inCluster.GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task OverlaysNameARealTaggedImage(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var pod = Assert.Single(build.Objects.OfType<V1Deployment>()).Spec.Template.Spec;
        var image = Assert.Single(pod.Containers).Image;

        if (install == "deploy/base")
        {
            // The base names a placeholder that every overlay replaces.
            Assert.Equal("k8s-access-bot", image);
            return;
        }

        Assert.Contains("/", image, StringComparison.Ordinal);
        var tagOrDigest = image.Contains('@', StringComparison.Ordinal)
            ? image.Split('@')[1]
            : image.Split('/')[^1].Split(':').ElementAtOrDefault(1);
        Assert.False(string.IsNullOrEmpty(tagOrDigest), $"{image} has no tag or digest");
        Assert.NotEqual("latest", tagOrDigest);
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task TheBotFinishesItsWorkBeforeKubernetesKillsIt(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var pod = Assert.Single(build.Objects.OfType<V1Deployment>()).Spec.Template.Spec;
        var configMap = Assert.Single(build.Objects.OfType<V1ConfigMap>());

        // Kubernetes' own default grace period is 30 s; the bot's default stop timeout is the
        // top-level appsettings.json's, unless the install sets its own.
        var grace = TimeSpan.FromSeconds(pod.TerminationGracePeriodSeconds ?? 30);
        var shutdown = ShutdownTimeout(Assert.Single(configMap.Data).Value)
                       ?? ShutdownTimeout(Repository.Read("appsettings.json"))
                       ?? throw new InvalidOperationException(
                           "appsettings.json has no Server:ShutdownTimeout");

        Assert.True(
            shutdown + TimeSpan.FromSeconds(2) <= grace,
            $"Server:ShutdownTimeout {shutdown} leaves less than 2 s of "
            + $"terminationGracePeriodSeconds {grace}");
    }

    private static TimeSpan? ShutdownTimeout(string json)
    {
        var options = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        };
        using var settings = JsonDocument.Parse(json, options);
        return settings.RootElement.TryGetProperty("Server", out var server)
               && server.TryGetProperty("ShutdownTimeout", out var value)
               && value.GetString() is { Length: > 0 } text
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : null;
    }

    private static string? Text(long? number) => number?.ToString(CultureInfo.InvariantCulture);
}
