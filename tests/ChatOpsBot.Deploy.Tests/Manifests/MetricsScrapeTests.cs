using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>
/// Each install tells Prometheus where the bot's metrics are, and that place is real: a port
/// the container declares, and the scrape path the bot's configuration serves.
/// </summary>
public sealed class MetricsScrapeTests
{
    private const string DefaultPath = "/metrics";

    public static TheoryData<string> Installs => new(Kustomize.Installs());

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task PodAnnotationsPointAtTheMetricsEndpoint(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var template = Assert.Single(build.Objects.OfType<V1Deployment>()).Spec.Template;
        var annotations = template.Metadata.Annotations ?? new Dictionary<string, string>();

        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        var port = int.Parse(annotations["prometheus.io/port"], CultureInfo.InvariantCulture);
        var container = Assert.Single(template.Spec.Containers);
        var declared = Assert.Single(container.Ports, candidate => candidate.ContainerPort == port);
        Assert.Equal("http", declared.Name);
        Assert.Equal(ConfiguredPath(build), annotations["prometheus.io/path"]);
    }

    // The scrape path the install's appsettings.Production.json sets, or the bot's default.
    private static string ConfiguredPath(KustomizeBuild build)
    {
        var config = Assert.Single(build.Objects.OfType<V1ConfigMap>(), map => map.Data?.ContainsKey(
            "appsettings.Production.json") == true);
        var settings = JsonNode.Parse(config.Data["appsettings.Production.json"]);
        var prometheus = settings?["Telemetry"]?["Prometheus"];
        Assert.NotEqual("false", prometheus?["Enabled"]?.ToString().ToLowerInvariant());
        return prometheus?["Path"]?.GetValue<string>() ?? DefaultPath;
    }
}
