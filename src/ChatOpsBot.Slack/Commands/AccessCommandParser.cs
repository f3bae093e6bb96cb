using System.Text.RegularExpressions;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Inbound;

namespace ChatOpsBot.Slack.Commands;

/// <summary>
/// Parses the text after <c>/k8s-access</c>. The grammar (also in docs/slack.md):
/// <code>
/// help
/// NAMESPACE [POD]                                   kubectl exec
/// exec|cp|attach|port-forward|logs NAMESPACE [POD]  those kubectl commands
/// VERB RESOURCE[/SUBRESOURCE] [NAMESPACE [NAME]]    any RBAC request
/// options anywhere: -n/--namespace NS, -A/--all-namespaces, --cluster NAME, --as-role ARN
/// </code>
/// With <c>-n</c>, the positional after the resource (or shortcut) is the name. Errors are
/// single sentences, already safe to show in Slack.
/// </summary>
public static partial class AccessCommandParser
{
    /// <summary>Longer command text is refused outright.</summary>
    public const int MaxTextLength = 1000;

    private static readonly Dictionary<string, (string Verb, string Subresource, string Kubectl)> Shortcuts =
        new(StringComparer.Ordinal)
        {
            ["exec"] = ("create", "exec", "kubectl exec"),
            ["cp"] = ("create", "exec", "kubectl cp"),
            ["attach"] = ("create", "attach", "kubectl attach"),
            ["port-forward"] = ("create", "portforward", "kubectl port-forward"),
            ["portforward"] = ("create", "portforward", "kubectl port-forward"),
            ["logs"] = ("get", "log", "kubectl logs"),
            ["log"] = ("get", "log", "kubectl logs"),
        };

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection",
        "bind", "escalate", "impersonate", "use", "approve", "sign",
    };

    /// <summary>Parses <paramref name="text"/> as Slack delivered it.</summary>
    public static AccessCommandParseResult Parse(string? text)
    {
        var plain = SlackIncomingText.ToPlainText(text).Trim();
        if (plain.Length > MaxTextLength)
        {
            return Fail($"That is too long for a command (over {MaxTextLength} characters).");
        }

        var tokens = plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(NormaliseDashes).ToList();
        if (tokens.Count == 0)
        {
            return AccessCommandParseResult.Help();
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length < 2 || token[0] != '-')
            {
                positionals.Add(token);
                continue;
            }

            var error = ReadOption(tokens, ref i, options, out var isHelp);
            if (isHelp)
            {
                return AccessCommandParseResult.Help();
            }

            if (error is not null)
            {
                return Fail(error);
            }
        }

        if (positionals.Count > 0 && positionals[0] is "help" or "?")
        {
            return AccessCommandParseResult.Help();
        }

        return Build(positionals, options);
    }

    private static string? ReadOption(
        List<string> tokens, ref int index, Dictionary<string, string?> options, out bool isHelp)
    {
        isHelp = false;
        var token = tokens[index];
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? token[..equals] : token;
        string? inlineValue = equals > 0 ? token[(equals + 1)..] : null;

        var key = name switch
        {
            "-n" or "--namespace" => "namespace",
            "--cluster" or "--context" => "cluster",
            "--as-role" or "--role" => "as-role",
            "-A" or "--all-namespaces" => "all",
            "-h" or "--help" => "help",
            _ => null,
        };

        if (key is null)
        {
            return $"I don't know the option {Mrkdwn.Code(name, 40)}.";
        }

        if (key == "help")
        {
            isHelp = true;
            return null;
        }

        if (options.ContainsKey(key))
        {
            return $"The option {Mrkdwn.Code(name, 40)} is given twice.";
        }

        if (key == "all")
        {
            options[key] = null;
            return inlineValue is null ? null : $"The option {Mrkdwn.Code(name, 40)} takes no value.";
        }

        var value = inlineValue;
        if (value is null)
        {
            if (index + 1 >= tokens.Count || tokens[index + 1].StartsWith('-'))
            {
                return $"The option {Mrkdwn.Code(name, 40)} needs a value.";
            }

            value = tokens[++index];
        }

        options[key] = value;
        return null;
    }

    private static AccessCommandParseResult Build(
        List<string> positionals, Dictionary<string, string?> options)
    {
        var namespaceOption = options.GetValueOrDefault("namespace");
        var allNamespaces = options.ContainsKey("all");
        var cluster = options.GetValueOrDefault("cluster");
        var asRole = options.GetValueOrDefault("as-role");

        if (cluster is not null && !IsClusterName(cluster))
        {
            return Fail($"{Mrkdwn.Code(cluster, 60)} is not a valid cluster name.");
        }

        if (asRole is not null && !IamArn.IsValid(asRole))
        {
            return Fail(
                $"{Mrkdwn.Code(asRole, 80)} is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).");
        }

        if (namespaceOption is not null && !IsNamespace(namespaceOption))
        {
            return Fail($"{Mrkdwn.Code(namespaceOption, 80)} is not a valid namespace name.");
        }

        if (namespaceOption is not null && allNamespaces)
        {
            return Fail("Use either `-n NAMESPACE` or `-A`, not both.");
        }

        var first = positionals.Count > 0 ? positionals[0] : null;
        AccessCommandParseResult result;
        if (first is not null && Shortcuts.TryGetValue(first, out var shortcut))
        {
            result = BuildShortcut(shortcut, positionals.Skip(1).ToList(), namespaceOption, allNamespaces);
        }
        else if (first is not null && Verbs.Contains(first))
        {
            result = BuildGeneric(first, positionals.Skip(1).ToList(), namespaceOption, allNamespaces);
        }
        else
        {
            result = BuildShortcut(Shortcuts["exec"], positionals, namespaceOption, allNamespaces);
        }

        return result.Command is null
            ? result
            : result with { Command = result.Command with { Cluster = cluster, AsRole = asRole } };
    }

    private static AccessCommandParseResult BuildShortcut(
        (string Verb, string Subresource, string Kubectl) shortcut, List<string> rest,
        string? namespaceOption, bool allNamespaces)
    {
        if (allNamespaces)
        {
            return Fail($"`{shortcut.Kubectl}` works in one namespace: name it instead of `-A`.");
        }

        var ns = namespaceOption ?? (rest.Count > 0 ? rest[0] : null);
        var names = namespaceOption is null ? rest.Skip(1).ToList() : rest;
        if (ns is null)
        {
            return Fail($"Which namespace? For `{shortcut.Kubectl}` give one, such as `hello`.");
        }

        if (!IsNamespace(ns))
        {
            return Fail(
                $"{Mrkdwn.Code(ns, 80)} is neither a command I know nor a valid namespace name.");
        }

        if (names.Count > 1)
        {
            return Fail($"Too many words: I expected at most a pod name after {Mrkdwn.Code(ns)}.");
        }

        var pod = names.Count == 1 ? names[0] : null;
        if (pod is not null && !IsObjectName(pod))
        {
            return Fail($"{Mrkdwn.Code(pod, 80)} is not a valid pod name.");
        }

        return new AccessCommandParseResult
        {
            Command = new AccessCommand
            {
                Verb = shortcut.Verb,
                Resource = "pods",
                Subresource = shortcut.Subresource,
                ApiGroup = "",
                Namespace = ns,
                Name = pod,
                KubectlCommand = shortcut.Kubectl,
            },
        };
    }

    private static AccessCommandParseResult BuildGeneric(
        string verb, List<string> rest, string? namespaceOption, bool allNamespaces)
    {
        if (rest.Count == 0)
        {
            return Fail($"`{verb}` what? Name a resource, such as `{verb} secrets -n hello`.");
        }

        if (!TryParseResource(rest[0], out var resource, out var subresource, out var group, out var known))
        {
            return Fail($"{Mrkdwn.Code(rest[0], 80)} is not a valid resource (RESOURCE[/SUBRESOURCE]).");
        }

        var args = rest.Skip(1).ToList();
        string? ns = null;
        string? name;
        var clusterScope = false;
        if (known is { Namespaced: false })
        {
            if (namespaceOption is not null || allNamespaces)
            {
                return Fail($"{Mrkdwn.Code(resource)} is cluster-scoped: leave out the namespace.");
            }

            clusterScope = true;
            name = args.Count > 0 ? args[0] : null;
            args = args.Skip(1).ToList();
        }
        else if (allNamespaces)
        {
            clusterScope = true;
            name = null;
        }
        else
        {
            ns = namespaceOption ?? (args.Count > 0 ? args[0] : null);
            if (namespaceOption is null && args.Count > 0)
            {
                args = args.Skip(1).ToList();
            }

            name = args.Count > 0 ? args[0] : null;
            args = args.Skip(1).ToList();
            if (ns is null)
            {
                return Fail(
                    $"Which namespace? Add one (`{verb} {rest[0]} -n hello`), or `-A` for all namespaces.");
            }

            if (!IsNamespace(ns))
            {
                return Fail($"{Mrkdwn.Code(ns, 80)} is not a valid namespace name.");
            }
        }

        if (args.Count > 0)
        {
            return Fail($"Too many words after {Mrkdwn.Code(rest[0], 80)}: see `help`.");
        }

        if (name is not null && !IsObjectName(name))
        {
            return Fail($"{Mrkdwn.Code(name, 80)} is not a valid object name.");
        }

        return new AccessCommandParseResult
        {
            Command = new AccessCommand
            {
                Verb = verb,
                Resource = resource,
                Subresource = subresource,
                ApiGroup = group,
                Namespace = ns,
                Name = name,
                ClusterScope = clusterScope,
            },
        };
    }

    private static bool TryParseResource(
        string token, out string resource, out string? subresource, out string? group,
        out KnownResources.Info? known)
    {
        resource = "";
        subresource = null;
        group = null;
        known = null;
        var slash = token.IndexOf('/', StringComparison.Ordinal);
        var main = slash >= 0 ? token[..slash] : token;
        if (slash >= 0)
        {
            subresource = token[(slash + 1)..];
            if (subresource.Length is 0 or > 63 || !SubresourcePattern().IsMatch(subresource))
            {
                return false;
            }
        }

        if (main.Length is 0 or > 253 || !ResourcePattern().IsMatch(main))
        {
            return false;
        }

        var dot = main.IndexOf('.', StringComparison.Ordinal);
        var bare = dot >= 0 ? main[..dot] : main;
        known = KnownResources.Find(bare);
        resource = known?.Plural ?? bare;
        group = dot >= 0 ? main[(dot + 1)..] : known?.Group;
        return true;
    }

    private static AccessCommandParseResult Fail(string error) => AccessCommandParseResult.Fail(error);

    private static string NormaliseDashes(string token) =>
        token.Length > 1 && token[0] is '\u2014' or '\u2013' ? "--" + token[1..] : token;

    private static bool IsNamespace(string value) => value.Length <= 63 && NamespacePattern().IsMatch(value);

    private static bool IsObjectName(string value) =>
        value.Length <= 253 && ObjectNamePattern().IsMatch(value);

    private static bool IsClusterName(string value) => value.Length <= 100 && ClusterPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.None, 200)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9._:@]*[A-Za-z0-9])?$", RegexOptions.None, 200)]
    private static partial Regex ObjectNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$", RegexOptions.None, 200)]
    private static partial Regex ResourcePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.None, 200)]
    private static partial Regex SubresourcePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.None, 200)]
    private static partial Regex ClusterPattern();
}
