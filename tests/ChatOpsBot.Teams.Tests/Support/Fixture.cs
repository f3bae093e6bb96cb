using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>Reads the copied Teams fixtures from the test output directory.</summary>
internal static class Fixture
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams", name));

    public static string ServiceUrlOf(string json) => JsonNode.Parse(json)!["serviceUrl"]!.GetValue<string>();
}
