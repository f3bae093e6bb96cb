using System.Text.Json;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>One clicked element of a <c>block_actions</c> payload.</summary>
/// <param name="ActionId">The element's action id.</param>
/// <param name="BlockId">The block holding it.</param>
/// <param name="Value">The button value, or the selected option's value.</param>
internal sealed record BlockActionItem(string ActionId, string? BlockId, string? Value);

/// <summary>The fields of a <c>block_actions</c> payload the bot acts on.</summary>
internal sealed record BlockActionsPayload
{
    public required string UserId { get; init; }

    public string? TeamId { get; init; }

    /// <summary>Every team id the payload names (team.id and user.team_id), for the approver check.</summary>
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    /// <summary>The Enterprise Grid organisation, when there is one.</summary>
    public string? EnterpriseId { get; init; }

    public string? ChannelId { get; init; }

    public string? MessageTs { get; init; }

    public string? ThreadTs { get; init; }

    public bool IsEphemeral { get; init; }

    public Uri? ResponseUrl { get; init; }

    public IReadOnlyList<BlockActionItem> Actions { get; init; } = [];

    public static BlockActionsPayload? From(JsonElement payload)
    {
        if (JsonFields.Object(payload, "user") is not { } user
            || JsonFields.String(user, "id") is not { Length: > 0 } userId)
        {
            return null;
        }

        var container = JsonFields.Object(payload, "container");
        var message = JsonFields.Object(payload, "message");
        var channel = JsonFields.Object(payload, "channel");
        var team = JsonFields.Object(payload, "team");
        var enterprise = JsonFields.Object(payload, "enterprise");
        string?[] teamIds = [team is { } t0 ? JsonFields.String(t0, "id") : null, JsonFields.String(user, "team_id")];
        var actions = JsonFields.Array(payload, "actions")
            .Select(ReadAction)
            .OfType<BlockActionItem>()
            .ToList();

        return new BlockActionsPayload
        {
            UserId = userId,
            TeamId = (team is { } t ? JsonFields.String(t, "id") : null) ?? JsonFields.String(user, "team_id"),
            TeamIds = [.. teamIds.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)],
            EnterpriseId = (enterprise is { } e ? JsonFields.String(e, "id") : null)
                           ?? JsonFields.String(user, "enterprise_id"),
            ChannelId = (container is { } c1 ? JsonFields.String(c1, "channel_id") : null)
                        ?? (channel is { } ch ? JsonFields.String(ch, "id") : null),
            MessageTs = (container is { } c2 ? JsonFields.String(c2, "message_ts") : null)
                        ?? (message is { } m1 ? JsonFields.String(m1, "ts") : null),
            ThreadTs = (message is { } m2 ? JsonFields.String(m2, "thread_ts") : null)
                       ?? (container is { } c3 ? JsonFields.String(c3, "thread_ts") : null),
            IsEphemeral = container is { } c4 && JsonFields.Bool(c4, "is_ephemeral"),
            ResponseUrl = JsonFields.HttpUrl(JsonFields.String(payload, "response_url")),
            Actions = actions,
        };
    }

    private static BlockActionItem? ReadAction(JsonElement action)
    {
        var actionId = JsonFields.String(action, "action_id");
        if (string.IsNullOrEmpty(actionId))
        {
            return null;
        }

        var value = JsonFields.String(action, "value")
                    ?? (JsonFields.Object(action, "selected_option") is { } option
                        ? JsonFields.String(option, "value")
                        : null);
        return new BlockActionItem(actionId, JsonFields.String(action, "block_id"), value);
    }
}
