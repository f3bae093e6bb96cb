using System.Text.Json;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Reads the JSON payload of a <c>slash_commands</c> envelope into a <see cref="SlashCommand"/>.
/// </summary>
internal static class SocketModeSlashCommand
{
    /// <summary>The command, or null when the payload lacks the command or the user.</summary>
    public static SlashCommand? TryRead(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || String(payload, "command") is not { Length: > 0 } command
            || String(payload, "user_id") is not { Length: > 0 } userId)
        {
            return null;
        }

        return new SlashCommand
        {
            Command = command,
            UserId = userId,
            Text = String(payload, "text") ?? "",
            TeamId = String(payload, "team_id") ?? "",
            ChannelId = String(payload, "channel_id") ?? "",
            UserName = String(payload, "user_name") ?? "",
            ResponseUrl = Uri.TryCreate(String(payload, "response_url"), UriKind.Absolute, out var url)
                ? url
                : null,
            TriggerId = String(payload, "trigger_id") ?? "",
            ApiAppId = String(payload, "api_app_id") ?? "",
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
