using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Slack.Commands;

/// <summary>What <c>/k8s-access …</c> asks to check, after parsing and validation.</summary>
public sealed record AccessCommand
{
    /// <summary>The RBAC verb (<c>create</c> for <c>kubectl exec</c>).</summary>
    public required string Verb { get; init; }

    /// <summary>The resource (<c>pods</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>The subresource (<c>exec</c>), if any.</summary>
    public string? Subresource { get; init; }

    /// <summary>
    /// The API group: <c>""</c> for core, null when the command did not say and it is not known.
    /// </summary>
    public string? ApiGroup { get; init; }

    /// <summary>The namespace; null at cluster scope.</summary>
    public string? Namespace { get; init; }

    /// <summary>The object's name (a pod name), if given.</summary>
    public string? Name { get; init; }

    /// <summary>True for cluster-scoped resources, or with <c>-A</c>.</summary>
    public bool ClusterScope { get; init; }

    /// <summary>The configured cluster (<c>--cluster</c>); null for the default.</summary>
    public string? Cluster { get; init; }

    /// <summary>The IAM role ARN given with <c>--as-role</c>.</summary>
    public string? AsRole { get; init; }

    /// <summary>The kubectl command meant (<c>kubectl exec</c>), when a shortcut was used.</summary>
    public string? KubectlCommand { get; init; }

    /// <summary>The attempt to diagnose: a Forbidden error for exactly this request.</summary>
    public AccessAttempt ToAttempt() => new()
    {
        Kind = AttemptKind.Forbidden,
        Verb = Verb,
        Resource = Resource,
        Subresource = Subresource,
        ApiGroup = ApiGroup,
        Namespace = Namespace,
        Name = Name,
        ClusterScope = ClusterScope,
    };
}

/// <summary>The result of parsing the command text: a command, a request for help, or an error.</summary>
public sealed record AccessCommandParseResult
{
    /// <summary>The command, when the text was valid.</summary>
    public AccessCommand? Command { get; init; }

    /// <summary>True when the user asked for help (or typed nothing).</summary>
    public bool IsHelp { get; init; }

    /// <summary>What was wrong with the text, in one sentence.</summary>
    public string? Error { get; init; }

    internal static AccessCommandParseResult Help() => new() { IsHelp = true };

    internal static AccessCommandParseResult Fail(string error) => new() { Error = error };
}
