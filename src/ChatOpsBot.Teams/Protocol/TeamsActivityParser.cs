using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Protocol;

/// <summary>Reads an activity from its JSON bytes, tolerating fields of unexpected types.</summary>
public static class TeamsActivityParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses <paramref name="body"/>; throws <see cref="InvalidTeamsActivityException"/>.</summary>
    public static TeamsActivity Parse(ReadOnlyMemory<byte> body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body.Span, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidTeamsActivityException("the body is not valid JSON", ex);
        }

        if (node is not JsonObject raw)
        {
            throw new InvalidTeamsActivityException("the body is not a JSON object");
        }

        var type = Text(raw, "type");
        if (string.IsNullOrEmpty(type))
        {
            throw new InvalidTeamsActivityException("the activity has no type");
        }

        var conversation = raw["conversation"] as JsonObject;
        var from = raw["from"] as JsonObject;
        var mentions = ReadMentions(raw["entities"] as JsonArray);
        var recipientId = Text(raw["recipient"] as JsonObject, "id");
        var text = Text(raw, "text");
        return new TeamsActivity
        {
            Type = type,
            Name = Text(raw, "name"),
            Id = Text(raw, "id"),
            ChannelId = Text(raw, "channelId"),
            ServiceUrl = Text(raw, "serviceUrl"),
            Text = text,
            CleanText = TeamsText.StripMentions(text, mentions, recipientId),
            ReplyToId = Text(raw, "replyToId"),
            ConversationId = Text(conversation, "id"),
            ConversationType = Text(conversation, "conversationType"),
            TenantId = Text((raw["channelData"] as JsonObject)?["tenant"] as JsonObject, "id")
                       ?? Text(conversation, "tenantId"),
            FromId = Text(from, "id"),
            FromName = Text(from, "name"),
            FromAadObjectId = Text(from, "aadObjectId"),
            RecipientId = recipientId,
            Mentions = mentions,
            Value = raw["value"],
            Raw = raw,
        };
    }

    private static List<TeamsMention> ReadMentions(JsonArray? entities)
    {
        var mentions = new List<TeamsMention>();
        foreach (var entity in entities?.OfType<JsonObject>() ?? [])
        {
            if (Text(entity, "type") != "mention" || Text(entity, "text") is not { Length: > 0 } markup)
            {
                continue;
            }

            var mentioned = entity["mentioned"] as JsonObject;
            mentions.Add(new TeamsMention(Text(mentioned, "id"), Text(mentioned, "name"), markup));
        }

        return mentions;
    }

    private static string? Text(JsonObject? parent, string name) =>
        parent?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
