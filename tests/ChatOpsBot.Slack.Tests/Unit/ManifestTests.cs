using ChatOpsBot.Slack.Configuration;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Slack.Tests.Unit;

/// <summary>The shipped Slack app manifests (deploy/slack/) match what the bot serves and needs.</summary>
public sealed class ManifestTests
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private static readonly string[] Scopes =
    [
        "commands", "chat:write", "app_mentions:read", "channels:history", "groups:history", "users:read",
        "usergroups:read",
    ];

    private static readonly string[] Events = ["app_mention", "message.channels", "message.groups"];

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Deploy", "slack", name));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) =>
        ((YamlScalarNode)At(node, path)).Value!;

    private static bool Has(YamlNode node, params string[] path)
    {
        var parent = (YamlMappingNode)At(node, path[..^1]);
        return parent.Children.ContainsKey(new YamlScalarNode(path[^1]));
    }

    private static string[] List(YamlNode node, params string[] path) =>
        ((YamlSequenceNode)At(node, path)).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket-mode.yaml")]
    public void Both_manifests_declare_the_command_events_and_exactly_the_needed_scopes(string name)
    {
        var root = Load(name);

        var command = Assert.Single(((YamlSequenceNode)At(root, "features", "slash_commands")).Children);
        Assert.Equal(new SlackOptions().CommandName, Scalar(command, "command"));
        Assert.Equal("true", Scalar(command, "should_escape"));
        Assert.Equal(Scopes.Order(), List(root, "oauth_config", "scopes", "bot").Order());
        Assert.Equal(Events.Order(), List(root, "settings", "event_subscriptions", "bot_events").Order());
        Assert.Equal("true", Scalar(root, "settings", "interactivity", "is_enabled"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(root, "features", "bot_user", "display_name")));
    }

    [Fact]
    public void The_http_manifest_points_at_the_three_endpoints_the_bot_maps()
    {
        var root = Load("manifest.yaml");

        Assert.Equal("false", Scalar(root, "settings", "socket_mode_enabled"));
        var command = ((YamlSequenceNode)At(root, "features", "slash_commands")).Children[0];
        Assert.EndsWith("/slack/commands", Scalar(command, "url"), Ord);
        var eventsUrl = Scalar(root, "settings", "event_subscriptions", "request_url");
        Assert.EndsWith("/slack/events", eventsUrl, Ord);
        Assert.StartsWith("https://", eventsUrl, Ord);
        Assert.EndsWith("/slack/interactions", Scalar(root, "settings", "interactivity", "request_url"), Ord);
    }

    [Fact]
    public void The_socket_mode_manifest_has_no_request_urls()
    {
        var root = Load("manifest.socket-mode.yaml");

        Assert.Equal("true", Scalar(root, "settings", "socket_mode_enabled"));
        Assert.False(Has(root, "settings", "event_subscriptions", "request_url"));
        Assert.False(Has(root, "settings", "interactivity", "request_url"));
    }
}
