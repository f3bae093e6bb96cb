using System.Text.Json;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Reads a card click from an activity's <c>value</c>: either an <c>adaptiveCard/action</c>
/// invoke (<c>{action: {type: "Action.Execute", verb, data}, trigger}</c>) or the value of a
/// message sent by <c>Action.Submit</c> (the data itself, inputs merged in). Anything
/// malformed, oversized, ambiguous or of the wrong type gives null, never an exception.
/// </summary>
public static class CardActionReader
{
    /// <summary>The longest action id or block id accepted (Block Kit's own limit).</summary>
    public const int MaxIdLength = 255;

    /// <summary>The longest button value or chosen option accepted (Block Kit's button limit).</summary>
    public const int MaxValueLength = 2000;

    /// <summary>The longest input id accepted: the renderer derives it from two ids.</summary>
    public const int MaxInputIdLength = (2 * MaxIdLength) + 16;

    /// <summary>More properties than this in one object means it is not one of ours.</summary>
    public const int MaxProperties = 64;

    private const string ExecuteType = "Action.Execute";

    /// <summary>The click in <paramref name="activityValue"/>, or null when it is not a valid one.</summary>
    /// <param name="activityValue">The activity's <c>value</c>.</param>
    /// <returns>The click, or null.</returns>
    public static CardAction? TryRead(JsonElement activityValue)
    {
        if (activityValue.ValueKind != JsonValueKind.Object
            || !Fields.Read(activityValue, "action", out var action))
        {
            return null;
        }

        if (action.ValueKind == JsonValueKind.Undefined)
        {
            // Action.Submit: the value is the data object.
            return FromData(activityValue, verb: null);
        }

        return FromInvoke(activityValue, action);
    }

    private static CardAction? FromInvoke(JsonElement value, JsonElement action)
    {
        if (action.ValueKind != JsonValueKind.Object
            || !Fields.String(action, "type", int.MaxValue, out var type) || type != ExecuteType
            || !Fields.String(action, "verb", MaxIdLength, out var verb)
            || !Fields.String(value, "trigger", 32, out _)
            || !Fields.Read(action, "data", out var data))
        {
            return null;
        }

        return data.ValueKind switch
        {
            JsonValueKind.Object => FromData(data, verb),
            JsonValueKind.Undefined or JsonValueKind.Null when IsId(verb) =>
                new CardAction(verb!, null, null, null),
            _ => null,
        };
    }

    private static CardAction? FromData(JsonElement data, string? verb)
    {
        if (!Fields.String(data, AdaptiveCardElements.ActionIdKey, MaxIdLength, out var actionId)
            || !Fields.String(data, AdaptiveCardElements.BlockIdKey, MaxIdLength, out var blockId)
            || !Fields.String(data, AdaptiveCardElements.ValueKey, MaxValueLength, out var value)
            || !Fields.String(data, AdaptiveCardElements.InputIdKey, MaxInputIdLength, out var inputId))
        {
            return null;
        }

        // The verb and the data both name the action; when they disagree, trust neither.
        if (actionId is not null && verb is not null && actionId != verb)
        {
            return null;
        }

        actionId ??= verb;
        if (!IsId(actionId) || (blockId is not null && !IsId(blockId)))
        {
            return null;
        }

        string? selected = null;
        if (inputId is not null
            && (inputId.Length == 0 || !Fields.String(data, inputId, MaxValueLength, out selected)))
        {
            return null;
        }

        return new CardAction(actionId!, blockId, value, string.IsNullOrEmpty(selected) ? null : selected);
    }

    private static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && !id.Any(char.IsControl);

    /// <summary>Property reads that refuse duplicates, wrong types and oversized objects.</summary>
    private static class Fields
    {
        // Undefined when absent; false when the object is too large or names the key twice.
        public static bool Read(JsonElement obj, string name, out JsonElement value)
        {
            value = default;
            var count = 0;
            var found = false;
            foreach (var property in obj.EnumerateObject())
            {
                if (++count > MaxProperties)
                {
                    return false;
                }

                if (property.NameEquals(name))
                {
                    if (found)
                    {
                        return false;
                    }

                    found = true;
                    value = property.Value;
                }
            }

            return true;
        }

        // A string of at most maxLength characters, or null when absent or JSON null.
        public static bool String(JsonElement obj, string name, int maxLength, out string? value)
        {
            value = null;
            if (!Read(obj, name, out var element))
            {
                return false;
            }

            switch (element.ValueKind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null:
                    return true;
                case JsonValueKind.String:
                    value = element.GetString();
                    return value is not null && value.Length <= maxLength;
                default:
                    return false;
            }
        }
    }
}
