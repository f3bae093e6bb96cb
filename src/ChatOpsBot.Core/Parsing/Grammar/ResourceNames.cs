namespace ChatOpsBot.Core.Parsing.Grammar;

/// <summary>
/// Splits the ways messages write a resource: <c>pods/exec</c>, <c>jobs.batch</c>,
/// <c>deployments.apps/scale</c>.
/// </summary>
internal static class ResourceNames
{
    /// <summary>A resource and its subresource: everything after the first slash.</summary>
    public static (string Resource, string? Subresource) SplitSubresource(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (value, null) : (value[..slash], value[(slash + 1)..]);
    }

    /// <summary>A group-qualified resource: the group follows the first dot.</summary>
    public static (string Resource, string? Group) SplitGroup(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (value, null) : (value[..dot], value[(dot + 1)..]);
    }

    /// <summary>True for a lowercase DNS-style resource name, optionally group-qualified.</summary>
    public static bool IsResourceToken(string token)
    {
        if (token.Length == 0 || !char.IsAsciiLetterLower(token[0]) || token[^1] is '.' or '-')
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return !token.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Characters of a resource token as printed before "is forbidden".</summary>
    public static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
}
