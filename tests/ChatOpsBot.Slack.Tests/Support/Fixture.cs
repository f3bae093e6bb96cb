using System.Text.Json;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>Reads the copied fixtures from the test output folder.</summary>
internal static class Fixture
{
    public static string Path(string relative) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "slack", relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static JsonDocument Json(string relative) => JsonDocument.Parse(Text(relative));
}
