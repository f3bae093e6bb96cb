using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Context;

/// <summary>
/// A kubectl (or oc) command line in the paste and the request it makes:
/// <c>kubectl -n web logs api-0</c> gets pods/log "api-0" in web. Used to fill what an error
/// leaves out (a 401 names nothing; a key=value denial omits the namespace).
/// </summary>
internal sealed record KubectlCommand
{
    private static readonly Regex Line = Patterns.Linear(
        @"\b(kubectl|oc)(\.exe)?(-[a-z0-9-]{1,40})?[ ]+(?<args>[^\n`|;&>]+)");

    // Flags that take the next word as their value when not written with "=".
    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "-n", "--namespace", "-f", "--filename", "-o", "--output", "-c", "--container", "-l",
        "--selector", "--context", "--kubeconfig", "--as", "--as-group", "--cluster", "--user",
        "-s", "--server", "--token", "--field-selector", "--sort-by", "--since", "--tail",
        "--template", "--timeout", "--request-timeout", "-p", "--patch", "--type",
    };

    public int Position { get; init; }

    public string? Verb { get; init; }

    public string? Resource { get; init; }

    public string? Group { get; init; }

    public string? Subresource { get; init; }

    public string? Name { get; init; }

    public string? Namespace { get; init; }

    /// <summary>Every command line in the text that names a request, in order.</summary>
    public static List<KubectlCommand> FindAll(PasteText text)
    {
        var commands = new List<KubectlCommand>();
        foreach (Match match in Line.Matches(text.Value))
        {
            if (!StartsCommand(text, match.Index))
            {
                continue;
            }

            var command = Parse(match.Groups["args"].Value);
            if (command is not null)
            {
                commands.Add(command with { Position = match.Index });
            }
        }

        return commands;
    }

    // A command starts a line, follows a shell prompt or an operator ("$ ", "➜  ~ ", "&& "),
    // or a wrapper such as sudo. "I ran kubectl get pods and got" is prose, not a command.
    private static bool StartsCommand(PasteText text, int position)
    {
        var before = text.Slice(Math.Max(text.LineStart(position), position - 200), position).TrimEnd();
        foreach (var wrapper in (ReadOnlySpan<string>)["sudo", "watch", "time", "microk8s", "env"])
        {
            if (before.EndsWith(" " + wrapper, StringComparison.Ordinal) || before == wrapper)
            {
                before = before[..^wrapper.Length].TrimEnd();
            }
        }

        return before.Length == 0 || "$#>%~)]`'\"+:;|&✗➜".Contains(before[^1], StringComparison.Ordinal);
    }

    /// <summary>Reads the arguments after <c>kubectl</c>; null when they name no single request.</summary>
    public static KubectlCommand? Parse(string arguments)
    {
        string? ns = null;
        var positional = new List<string>();
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.StartsWith("--namespace=", StringComparison.Ordinal)
                || word.StartsWith("-n=", StringComparison.Ordinal))
            {
                ns = word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
            else if (word is "-n" or "--namespace" && i + 1 < words.Length)
            {
                ns = words[++i];
            }
            else if (ValueFlags.Contains(word))
            {
                i++;
            }
            else if (!word.StartsWith('-'))
            {
                positional.Add(word);
            }
        }

        if (positional.Count == 0)
        {
            return null;
        }

        var request = Request(positional[0], positional.Skip(1).ToList());
        return request is null ? null : request with { Namespace = ns };
    }

    private static KubectlCommand? Request(string verb, List<string> args) => verb switch
    {
        "get" or "describe" => Named("get", args),
        "delete" => Named("delete", args),
        "edit" => Named("update", args),
        "patch" or "label" or "annotate" => Named("patch", args),
        "logs" or "log" => PodSubresource("get", "log", args),
        "exec" => PodSubresource("create", "exec", args),
        "attach" => PodSubresource("create", "attach", args),
        "port-forward" => PodSubresource("create", "portforward", args),
        "create" when args.Count > 0 && KnownResources.Find(args[0]) is not null => Named("create", args),
        _ => null,
    };

    // "get pods web", "get pod/web", "get httpsources.sources.example.io"
    private static KubectlCommand? Named(string verb, List<string> args)
    {
        if (args.Count == 0)
        {
            return new KubectlCommand { Verb = verb };
        }

        var type = args[0];
        string? name = args.Count > 1 ? args[1] : null;
        var slash = type.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            (type, name) = (type[..slash], type[(slash + 1)..]);
        }

        if (type.Contains(',', StringComparison.Ordinal))
        {
            return new KubectlCommand { Verb = verb };
        }

        var (resource, group) = Resolve(type);
        return new KubectlCommand { Verb = verb, Resource = resource, Group = group, Name = name };
    }

    private static KubectlCommand PodSubresource(string verb, string subresource, List<string> args)
    {
        string? pod = args.Count > 0 ? args[0] : null;
        var slash = pod?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash > 0)
        {
            // "po/web-0" names the pod; "deploy/web" names an owner, not the pod.
            pod = KnownResources.Find(pod![..slash])?.Resource == "pods" ? pod[(slash + 1)..] : null;
        }

        return new KubectlCommand { Verb = verb, Resource = "pods", Subresource = subresource, Name = pod };
    }

    private static (string Resource, string? Group) Resolve(string type)
    {
        var known = KnownResources.Find(type);
        if (known is not null)
        {
            return (known.Resource, null);
        }

        return ResourceNames.SplitGroup(type.ToLowerInvariant());
    }
}
