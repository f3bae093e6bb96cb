using System.Text;
using k8s;
using k8s.Models;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// Reads the message of a Kubernetes <c>Status</c> error body, and makes any text that came from
/// the server safe to show: one line, no control characters, bounded length.
/// </summary>
internal static class ServerText
{
    private const int MaxLength = 300;

    /// <summary>The Status body's <c>message</c>, or null when the body is not a Status.</summary>
    public static string? StatusMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > 64 * 1024)
        {
            return null;
        }

        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(body);
            return string.IsNullOrWhiteSpace(status?.Message) ? null : OneLine(status.Message);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The text on one line, control characters dropped, cut to a readable length.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var lastWasSpace = false;
        foreach (var character in text)
        {
            if (builder.Length >= MaxLength)
            {
                return builder.Append('…').ToString();
            }

            // Newlines and other control characters would let a server forge extra lines.
            var isSpace = char.IsWhiteSpace(character) || char.IsControl(character);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : character);
            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }

    /// <summary>scheme://host:port/path of a server URL, without user info or query.</summary>
    public static string ServerDisplay(Uri? server)
    {
        if (server is null || !server.IsAbsoluteUri)
        {
            return "an unknown API server";
        }

        var path = server.AbsolutePath.TrimEnd('/');
        return $"{server.Scheme}://{server.Host}:{server.Port}{path}";
    }
}
