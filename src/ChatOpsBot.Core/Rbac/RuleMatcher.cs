namespace ChatOpsBot.Core.Rbac;

/// <summary>
/// Whether one policy rule allows one request, with the Kubernetes RBAC authorizer's exact
/// semantics: <c>*</c> wildcards, <c>*/subresource</c>, and no prefix wildcard such as
/// <c>pods/*</c>; resource names narrow a rule; non-resource URLs may end in <c>*</c>.
/// </summary>
public static class RuleMatcher
{
    /// <summary>The wildcard that matches any verb, group, resource or URL.</summary>
    public const string All = "*";

    /// <summary>True when <paramref name="rule"/> allows <paramref name="request"/>.</summary>
    public static bool Allows(PolicyRule rule, RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(request);

        if (!request.IsResourceRequest)
        {
            return VerbMatches(rule, request.Verb) && NonResourceUrlMatches(rule, request.Path);
        }

        return VerbMatches(rule, request.Verb)
            && ApiGroupMatches(rule, request.ApiGroup)
            && ResourceMatches(rule, request.CombinedResource, request.Subresource)
            && ResourceNameMatches(rule, request.Name);
    }

    /// <summary>True when the rule names the verb or <c>*</c>.</summary>
    public static bool VerbMatches(PolicyRule rule, string verb) =>
        rule.Verbs.Any(candidate => candidate == All || candidate == verb);

    /// <summary>True when the rule names the API group or <c>*</c>.</summary>
    public static bool ApiGroupMatches(PolicyRule rule, string apiGroup) =>
        rule.ApiGroups.Any(candidate => candidate == All || candidate == apiGroup);

    /// <summary>
    /// True when the rule names the resource (<c>pods/exec</c>), <c>*</c>, or <c>*/exec</c>
    /// for a subresource request.
    /// </summary>
    public static bool ResourceMatches(PolicyRule rule, string combinedResource, string subresource)
    {
        foreach (var candidate in rule.Resources)
        {
            if (candidate == All || candidate == combinedResource)
            {
                return true;
            }

            // "*/scale" covers the scale of every resource; "pods/*" is just a literal.
            if (subresource.Length > 0
                && candidate.Length == subresource.Length + 2
                && candidate.StartsWith("*/", StringComparison.Ordinal)
                && candidate.EndsWith(subresource, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the rule is not narrowed to names, or names this one.</summary>
    public static bool ResourceNameMatches(PolicyRule rule, string name) =>
        rule.ResourceNames.Count == 0 || rule.ResourceNames.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// True when a URL of the rule is <c>*</c>, equal, or a <c>prefix*</c> of the path.
    /// </summary>
    public static bool NonResourceUrlMatches(PolicyRule rule, string path)
    {
        foreach (var candidate in rule.NonResourceUrls)
        {
            if (candidate == All || candidate == path)
            {
                return true;
            }

            if (candidate.EndsWith('*')
                && path.StartsWith(candidate[..^1], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
