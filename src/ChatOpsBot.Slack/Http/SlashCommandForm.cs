using System.Text;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ChatOpsBot.Slack.Http;

/// <summary>Reads Slack's form bodies: slash commands, and interactions' <c>payload</c> field.</summary>
public static class SlashCommandForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes an <c>application/x-www-form-urlencoded</c> body; null when it is not valid
    /// UTF-8 or not a valid form.
    /// </summary>
    public static Dictionary<string, StringValues>? ReadForm(ReadOnlySpan<byte> body)
    {
        try
        {
            using var reader = new FormReader(StrictUtf8.GetString(body));
            return reader.ReadForm();
        }
        catch (Exception ex) when (ex is DecoderFallbackException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Builds a <see cref="SlashCommand"/> from the form fields; null when <c>command</c> or
    /// <c>user_id</c> is missing (a truncated or foreign body).
    /// </summary>
    public static SlashCommand? ToSlashCommand(IReadOnlyDictionary<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";

        var command = Field("command");
        var userId = Field("user_id");
        if (command.Length == 0 || userId.Length == 0)
        {
            return null;
        }

        return new SlashCommand
        {
            Command = command,
            Text = Field("text"),
            TeamId = Field("team_id"),
            ChannelId = Field("channel_id"),
            UserId = userId,
            UserName = Field("user_name"),
            ResponseUrl = JsonFields.HttpUrl(Field("response_url")),
            TriggerId = Field("trigger_id"),
            ApiAppId = Field("api_app_id"),
        };
    }
}
