using System.Globalization;
using System.Net;
using System.Text;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>
/// Status bodies as the API server writes them: Go's JSON encoding (fields in struct order,
/// &lt; &gt; &amp; escaped as \u003c \u003e \u0026) and a trailing newline. The Forbidden
/// bodies are checked byte for byte against the upstream test vectors.
/// </summary>
internal static class KubeStatus
{
    /// <summary>The 403 body for a resource request the authorizer refused.</summary>
    public static string Forbidden(string user, string verb, string apiGroup, string resource,
        string subresource = "", string @namespace = "", string name = "")
    {
        var qualified = apiGroup.Length == 0 ? resource : $"{resource}.{apiGroup}";
        var subject = name.Length == 0 ? qualified : $"{qualified} {Quote(name)}";
        var combined = subresource.Length == 0 ? resource : $"{resource}/{subresource}";
        var scope = @namespace.Length == 0
            ? "at the cluster scope"
            : $"in the namespace {Quote(@namespace)}";
        var message = $"{subject} is forbidden: User {Quote(user)} cannot {verb} resource "
            + $"{Quote(combined)} in API group {Quote(apiGroup)} {scope}";

        var details = new List<(string, string)>();
        if (name.Length > 0)
        {
            details.Add(("name", name));
        }

        if (apiGroup.Length > 0)
        {
            details.Add(("group", apiGroup));
        }

        details.Add(("kind", resource));
        return Failure(message, "Forbidden", details, HttpStatusCode.Forbidden);
    }

    /// <summary>The 403 body for a non-resource URL the authorizer refused.</summary>
    public static string ForbiddenPath(string user, string verb, string path) =>
        Failure($"forbidden: User {Quote(user)} cannot {verb} path {Quote(WebUtilityHtml(path))}",
            "Forbidden", [], HttpStatusCode.Forbidden);

    public static string Unauthorized() =>
        Failure("Unauthorized", "Unauthorized", null, HttpStatusCode.Unauthorized);

    public static string NotFound(string resource, string name) =>
        Failure($"{resource} {Quote(name)} not found", "NotFound", [("name", name), ("kind", resource)],
            HttpStatusCode.NotFound);

    public static string NotFoundPath() =>
        Failure("the server could not find the requested resource", "NotFound", [], HttpStatusCode.NotFound);

    public static string Expired() =>
        Failure("the continue token has expired; start the list again", "Expired", null, HttpStatusCode.Gone);

    public static string InternalError() =>
        Failure("Internal error occurred: etcd is having a bad day", "InternalError", [],
            HttpStatusCode.InternalServerError);

    public static string TooManyRequests() =>
        Failure("Too many requests, please try again later.", "TooManyRequests", [],
            HttpStatusCode.TooManyRequests);

    public static string ServiceUnavailable() =>
        Failure("the server is currently unable to handle the request", "ServiceUnavailable", [],
            HttpStatusCode.ServiceUnavailable);

    public static string BadRequest(string message) =>
        Failure(message, "BadRequest", null, HttpStatusCode.BadRequest);

    public static string Invalid(string message) =>
        Failure(message, "Invalid", [], HttpStatusCode.UnprocessableEntity);

    private static string Failure(string message, string reason,
        IReadOnlyList<(string Key, string Value)>? details, HttpStatusCode code)
    {
        var json = new StringBuilder();
        json.Append("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",");
        json.Append("\"message\":").Append(GoString(message)).Append(',');
        json.Append("\"reason\":").Append(GoString(reason)).Append(',');
        if (details is not null)
        {
            json.Append("\"details\":{");
            json.AppendJoin(',', details.Select(pair => $"{GoString(pair.Key)}:{GoString(pair.Value)}"));
            json.Append("},");
        }

        json.Append("\"code\":").Append(((int)code).ToString(CultureInfo.InvariantCulture)).Append("}\n");
        return json.ToString();
    }

    /// <summary>Go's %q for the plain strings these messages hold.</summary>
    private static string Quote(string value) =>
        "\"" + value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Go's html.EscapeString, which the API server applies to refused paths.</summary>
    private static string WebUtilityHtml(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&#34;", StringComparison.Ordinal);

    /// <summary>A JSON string as Go's encoding/json writes it.</summary>
    private static string GoString(string value)
    {
        var json = new StringBuilder("\"");
        foreach (var character in value)
        {
            json.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '<' or '>' or '&' or < ' ' => $"\\u{(int)character:x4}",
                _ => character.ToString(),
            });
        }

        return json.Append('"').ToString();
    }
}
