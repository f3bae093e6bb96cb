namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>Every kustomization under deploy/ builds with kubectl, cleanly.</summary>
public sealed class KustomizeBuildTests
{
    public static TheoryData<string> AllKustomizations => new(Kustomize.AllKustomizations());

    [Fact]
    public void TheBaseAndTheExampleOverlayExist()
    {
        Assert.Contains("deploy/base", Kustomize.Installs());
        Assert.Contains("deploy/overlays/example", Kustomize.Installs());
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public async Task BuildsWithoutWarnings(string kustomization)
    {
        var build = await Kustomize.BuildAsync(kustomization);

        Assert.NotEmpty(build.Objects);
        Assert.True(
            build.Warnings.Length == 0, $"kubectl kustomize {kustomization} warned:\n{build.Warnings}");
    }
}
