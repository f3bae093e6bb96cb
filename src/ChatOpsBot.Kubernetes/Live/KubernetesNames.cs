namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// Checks that names taken from pasted text are names Kubernetes could hold, before they go
/// into a request path: a name that cannot exist is simply not asked about.
/// </summary>
internal static class KubernetesNames
{
    /// <summary>A namespace: an RFC 1123 label of at most 63 characters.</summary>
    public static bool IsNamespace(string? name) =>
        name is { Length: > 0 and <= 63 } && IsLabel(name);

    /// <summary>An object such as a pod: an RFC 1123 subdomain of at most 253 characters.</summary>
    public static bool IsObjectName(string? name) =>
        name is { Length: > 0 and <= 253 }
        && name.Split('.').All(label => label.Length <= 63 && IsLabel(label));

    private static bool IsLabel(string label) =>
        label.Length > 0
        && char.IsAsciiLetterLower(label[0]) | char.IsAsciiDigit(label[0])
        && char.IsAsciiLetterLower(label[^1]) | char.IsAsciiDigit(label[^1])
        && label.All(character =>
            char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-');
}
