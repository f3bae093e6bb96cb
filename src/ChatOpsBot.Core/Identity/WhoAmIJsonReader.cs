using System.Text;
using System.Text.Json;

namespace ChatOpsBot.Core.Identity;

/// <summary>Finds a SelfSubjectReview printed as JSON (<c>kubectl auth whoami -o json</c>).</summary>
internal static class WhoAmIJsonReader
{
    private const string Marker = "SelfSubjectReview";
    private const int MaxMarkers = 20;
    private const int MaxOpeningsTried = 8;
    private const int MaxObjectLength = 64 * 1024;

    internal static WhoAmIFound? Find(string text)
    {
        var searchFrom = 0;
        for (var seen = 0; seen < MaxMarkers; seen++)
        {
            var marker = text.IndexOf(Marker, searchFrom, StringComparison.Ordinal);
            if (marker < 0)
            {
                return null;
            }

            if (TryOpeningsBefore(text, marker) is { } found)
            {
                return found;
            }

            searchFrom = marker + Marker.Length;
        }

        return null;
    }

    // The "kind" sits near the top of the object, so the opening brace is one of the last few.
    private static WhoAmIFound? TryOpeningsBefore(string text, int marker)
    {
        var position = marker;
        for (var tried = 0; tried < MaxOpeningsTried; tried++)
        {
            position = position == 0 ? -1 : text.LastIndexOf('{', position - 1);
            if (position < 0)
            {
                return null;
            }

            if (TryRead(text, position) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static WhoAmIFound? TryRead(string text, int start)
    {
        var length = Math.Min(MaxObjectLength, text.Length - start);
        var bytes = Encoding.UTF8.GetBytes(text.Substring(start, length));
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 32,
        });
        try
        {
            // ParseValue reads one value and ignores what follows it.
            using var document = JsonDocument.ParseValue(ref reader);
            return Read(document.RootElement, start);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static WhoAmIFound? Read(JsonElement root, int position)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String
            || kind.GetString() != Marker
            || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object
            || !status.TryGetProperty("userInfo", out var info) || info.ValueKind != JsonValueKind.Object
            || !info.TryGetProperty("username", out var username)
            || username.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var groups = new List<string>();
        if (info.TryGetProperty("groups", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            groups.AddRange(list.EnumerateArray()
                .Where(group => group.ValueKind == JsonValueKind.String)
                .Select(group => group.GetString()!)
                .Distinct(StringComparer.Ordinal));
        }

        return new WhoAmIFound(position, username.GetString()!, groups);
    }
}
