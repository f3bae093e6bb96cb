using System.Text.Json;

namespace ChatOpsBot.Storage.Json;

/// <summary>Turns a missing stored field into the same error as malformed JSON.</summary>
internal static class Required
{
    public static T Field<T>(T? value, string name)
        where T : class =>
        value ?? throw new JsonException($"the field '{name}' is missing");
}
