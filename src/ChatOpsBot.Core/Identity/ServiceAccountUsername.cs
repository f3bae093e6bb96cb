using System.Diagnostics.CodeAnalysis;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// The username Kubernetes gives a ServiceAccount token:
/// <c>system:serviceaccount:NAMESPACE:NAME</c>.
/// </summary>
/// <param name="Namespace">The ServiceAccount's namespace.</param>
/// <param name="Name">The ServiceAccount's name.</param>
public sealed record ServiceAccountUsername(string Namespace, string Name)
{
    /// <summary>The username prefix of every ServiceAccount.</summary>
    public const string Prefix = "system:serviceaccount:";

    /// <summary>Reads a ServiceAccount username; false for any other username.</summary>
    /// <param name="username">The username.</param>
    /// <param name="account">The namespace and name.</param>
    public static bool TryParse(string? username, [NotNullWhen(true)] out ServiceAccountUsername? account)
    {
        account = null;
        if (username is null || !username.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = username[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var ns = rest[..colon];
        var name = rest[(colon + 1)..];
        if (!IsDnsLabel(ns) || !IsDnsSubdomain(name))
        {
            return false;
        }

        account = new ServiceAccountUsername(ns, name);
        return true;
    }

    /// <summary>The username.</summary>
    public override string ToString() => Prefix + Namespace + ":" + Name;

    // Namespaces are DNS labels: lower-case letters, digits and '-', 63 at most.
    private static bool IsDnsLabel(string text) =>
        text.Length is > 0 and <= 63
        && char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[^1])
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    // ServiceAccount names are DNS subdomains: labels joined by '.', 253 at most.
    private static bool IsDnsSubdomain(string text) =>
        text.Length is > 0 and <= 253 && text.Split('.').All(IsDnsLabel);
}
