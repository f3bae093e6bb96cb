using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// One request the fake Slack received: a Web API method (<c>chat.postMessage</c>, …) or a
/// post to a response_url (<see cref="ResponseUrlMethod"/>), with its raw body and the answer
/// the fake gave. The JSON body is parsed once, so nodes taken from it can be compared.
/// </summary>
internal sealed class SlackCall(
    string method, string path, string? authorization, string? contentType, string body)
{
    /// <summary>The <see cref="Method"/> of a post to a response_url.</summary>
    public const string ResponseUrlMethod = "response_url";

    private static readonly JsonSerializerOptions Readable =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lazy<JsonObject> json = new(() =>
        contentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(body)!.AsObject()
            : []);

    public string Method { get; } = method;

    public string Path { get; } = path;

    public string? Authorization { get; } = authorization;

    public string? ContentType { get; } = contentType;

    public string Body { get; } = body;

    /// <summary>What the fake answered (set before the call is recorded).</summary>
    public JsonObject? Answer { get; set; }

    /// <summary>The JSON body (every chat method and response_url post); empty for a form body.</summary>
    public JsonObject Json => json.Value;

    /// <summary>A form field of a form-encoded body (users.info, usergroups.users.list).</summary>
    public string? FormField(string name) =>
        QueryHelpers.ParseQuery("?" + Body).TryGetValue(name, out var value) ? value.ToString() : null;

    public string? Channel => (string?)Json["channel"];

    public string? ThreadTs => (string?)Json["thread_ts"];

    public string? Text => (string?)Json["text"];

    public JsonArray? Blocks => Json["blocks"]?.AsArray();

    /// <summary>
    /// The blocks as JSON text the way Slack reads it: <c>&lt;</c> and <c>&amp;</c> shown as
    /// themselves rather than as the <c>\u003C</c> escapes System.Text.Json writes by default.
    /// </summary>
    public string BlocksText => Blocks?.ToJsonString(Readable) ?? "";

    /// <summary>Every element of the blocks of a given type (button, static_select, …).</summary>
    public IReadOnlyList<JsonObject> Elements(string type) =>
        (Blocks ?? [])
        .Select(block => block!["elements"]?.AsArray() ?? [])
        .SelectMany(elements => elements)
        .OfType<JsonObject>()
        .Where(element => (string?)element["type"] == type)
        .ToList();
}
