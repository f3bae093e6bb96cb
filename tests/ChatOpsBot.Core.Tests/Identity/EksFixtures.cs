using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Core.Tests.Identity;

/// <summary>Reads the copied EKS fixtures (Fixtures/eks, see its README) from the output folder.</summary>
internal static class EksFixtures
{
    internal static string Folder(string relative) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "eks", relative);

    internal static string Read(string relative) => File.ReadAllText(Folder(relative));

    /// <summary>
    /// The data map of a ConfigMap file, read with YamlDotNet directly so the tests of the
    /// parser do not depend on the parser's own ConfigMap reading.
    /// </summary>
    internal static Dictionary<string, string> ConfigMapData(string relative)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Read(relative)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var data = (YamlMappingNode)root.Children[new YamlScalarNode("data")];
        return data.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!,
            pair => ((YamlScalarNode)pair.Value).Value ?? "");
    }

    /// <summary>The seed scenario's aws-auth data (two roles mapped to {{SessionName}}).</summary>
    internal static Dictionary<string, string> SeedAwsAuth() =>
        ConfigMapData("scenario/seed-exec-forbidden-aws-auth.yaml");
}
