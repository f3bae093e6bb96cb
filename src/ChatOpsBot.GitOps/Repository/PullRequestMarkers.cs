using ChatOpsBot.GitOps.Editing;

namespace ChatOpsBot.GitOps.Repository;

/// <summary>
/// Machine-readable lines at the top of a pull request body (HTML comments, invisible on the
/// page) that let the bot recognise its own pull requests: the request id, the object added and
/// the grant it makes. Only leading lines are read, so text quoted further down cannot forge them.
/// </summary>
internal sealed record PullRequestMarkers(string RequestId, string ObjectKey, string? GrantKey)
{
    private const string Prefix = "<!-- k8s-access-";
    private const string Suffix = " -->";

    /// <summary>The markers for a change.</summary>
    public static PullRequestMarkers For(string requestId, RbacDocument added) =>
        new(requestId, ObjectKeyOf(added), GrantKeyOf(added));

    /// <summary>The lines to put first in the body.</summary>
    public string Render()
    {
        var lines = new List<string> { Line("request", RequestId), Line("object", ObjectKey) };
        if (GrantKey is not null)
        {
            lines.Add(Line("grant", GrantKey));
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The markers of a body written by <see cref="Render"/>, or null.</summary>
    public static PullRequestMarkers? Parse(string? body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (body ?? "").Split('\n').Select(line => line.TrimEnd('\r')))
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal) || !line.EndsWith(Suffix, StringComparison.Ordinal))
            {
                break;
            }

            var content = line[Prefix.Length..^Suffix.Length];
            var colon = content.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                values.TryAdd(content[..colon], Uri.UnescapeDataString(content[(colon + 2)..]));
            }
        }

        return values.TryGetValue("request", out var request) && values.TryGetValue("object", out var key)
            ? new PullRequestMarkers(request, key, values.GetValueOrDefault("grant"))
            : null;
    }

    /// <summary>True when both pull requests add the same object or make the same grant.</summary>
    public bool SameChange(PullRequestMarkers other) =>
        ObjectKey == other.ObjectKey || (GrantKey is not null && GrantKey == other.GrantKey);

    // Escaped, so no value can end the comment or the line.
    private static string Line(string name, string value) => $"{Prefix}{name}: {Uri.EscapeDataString(value)}{Suffix}";

    private static string ObjectKeyOf(RbacDocument document) =>
        $"{document.Kind}|{document.Namespace}|{document.Name}";

    private static string? GrantKeyOf(RbacDocument document) =>
        document.IsBinding && document.RoleRef is { } role
            ? $"{document.Namespace}|{role.Kind}/{role.Name}|" +
              string.Join(",", document.Subjects.Select(subject => $"{subject.Kind}/{subject.Namespace}/{subject.Name}").Order(StringComparer.Ordinal))
            : null;
}
