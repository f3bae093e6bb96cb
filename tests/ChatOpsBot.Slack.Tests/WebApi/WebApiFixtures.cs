using System.Text.Json;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>Reads the copied Slack fixtures next to the test assembly.</summary>
public static class WebApiFixtures
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WebApi", "Fixtures", name));

    /// <summary>The recorded 429: its status, Retry-After header and body.</summary>
    public static (int Status, string RetryAfter, string Body) RateLimited()
    {
        using var doc = JsonDocument.Parse(Read("ratelimited-429.http.json"));
        var root = doc.RootElement;
        return (
            root.GetProperty("status").GetInt32(),
            root.GetProperty("headers").GetProperty("retry-after").GetString()!,
            root.GetProperty("body").GetString()!);
    }
}
