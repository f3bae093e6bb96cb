using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Context;

/// <summary>
/// kubectl apply's preamble before a server error:
/// <c>Resource: "apps/v1, Resource=deployments", GroupVersionKind: "…"</c> and
/// <c>Name: "web", Namespace: "team-a"</c>. It names the object even when the message is cut.
/// </summary>
/// <param name="Resource">The resource, if the preamble names one.</param>
/// <param name="Group">Its group (<c>""</c> for core), if known.</param>
/// <param name="Name">The object name, if given.</param>
/// <param name="Namespace">The namespace, if given and not empty.</param>
internal sealed record ApplyPreamble(string? Resource, string? Group, string? Name, string? Namespace)
{
    private static readonly Regex ResourceLine = Patterns.Linear(
        @"Resource: ""(?<gv>[^"",\n]*), Resource=(?<res>[a-z0-9.-]+)""");

    private static readonly Regex NameLine = Patterns.Linear(
        @"Name: ""(?<name>[^""\n]*)"", Namespace: ""(?<ns>[^""\n]*)""");

    /// <summary>The preamble in <paramref name="window"/>, or null when there is none.</summary>
    public static ApplyPreamble? Find(string window)
    {
        var names = NameLine.Matches(window);
        var resources = ResourceLine.Matches(window);
        if (names.Count == 0 && resources.Count == 0)
        {
            return null;
        }

        string? resource = null, group = null, name = null, ns = null;
        if (resources.Count > 0)
        {
            var last = resources[^1];
            resource = last.Groups["res"].Value;
            var gv = last.Groups["gv"].Value;
            var slash = gv.LastIndexOf('/');
            group = slash < 0 ? "" : gv[..slash];
        }

        if (names.Count > 0)
        {
            var last = names[^1];
            name = Blank(last.Groups["name"].Value);
            ns = Blank(last.Groups["ns"].Value);
        }

        return new ApplyPreamble(resource, group, name, ns);
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
