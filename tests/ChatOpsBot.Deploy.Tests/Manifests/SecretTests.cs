using System.Text;
using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>
/// The repository holds no real secret: every Secret a kustomization builds is an example with
/// placeholder values, and the example overlay's has the keys the Deployment reads.
/// </summary>
public sealed class SecretTests
{
    private const string Placeholder = "REPLACE-WITH-";

    public static TheoryData<string> AllKustomizations => new(Kustomize.AllKustomizations());

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public async Task EverySecretHoldsOnlyPlaceholders(string kustomization)
    {
        var build = await Kustomize.BuildAsync(kustomization);

        foreach (var secret in build.Objects.OfType<V1Secret>())
        {
            var encoded = (secret.Data ?? new Dictionary<string, byte[]>()).Values;
            var values = (secret.StringData ?? new Dictionary<string, string>()).Values
                .Concat(encoded.Select(Encoding.UTF8.GetString));
            Assert.All(values, value => Assert.StartsWith(Placeholder, value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheExampleOverlaysSecretHasEveryFileTheDeploymentReads()
    {
        var build = await Kustomize.BuildAsync("deploy/overlays/example");
        var pod = Assert.Single(build.Objects.OfType<V1Deployment>()).Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var volume = Assert.Single(pod.Volumes, volume => volume.Secret is not null);
        var secret = Assert.Single(
            build.Objects.OfType<V1Secret>(), item => item.Name() == volume.Secret.SecretName);
        var mount = Assert.Single(container.VolumeMounts, mount => mount.Name == volume.Name);
        var mountPath = mount.MountPath + "/";

        var readFiles = container.Env
            .Where(variable => variable.Value?.StartsWith(mountPath, StringComparison.Ordinal) == true)
            .Select(variable => variable.Value[mountPath.Length..])
            .ToList();
        Assert.NotEmpty(readFiles);
        Assert.All(readFiles, file => Assert.Contains(file, secret.StringData.Keys));
    }
}
