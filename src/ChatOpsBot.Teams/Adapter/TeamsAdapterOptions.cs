namespace ChatOpsBot.Teams.Adapter;

/// <summary>
/// The Teams settings of the shared flow (section <c>Teams</c>, beside <c>TeamsOptions</c>):
/// where the approvers are asked, who they are, and chat users' Kubernetes identities.
/// </summary>
public sealed class TeamsAdapterOptions
{
    /// <summary>The configuration section (the same as the front end's).</summary>
    public const string SectionName = "Teams";

    /// <summary>The conversation id of the approvers' channel (<c>19:…@thread.tacv2</c>).</summary>
    public string? ApprovalsConversationId { get; set; }

    /// <summary>
    /// The Bot Connector service URL of the approvers' tenant, such as
    /// <c>https://smba.trafficmanager.net/emea/</c> (https only; http only for loopback tests).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The Entra object ids of the people who may approve.</summary>
    public IList<string> Approvers { get; } = [];

    /// <summary>Teams users mapped to their Kubernetes identity.</summary>
    public IList<TeamsUserMapping> UserMappings { get; } = [];

    /// <summary>
    /// The command word users type (<c>k8s-access hello</c>); the Slack command name without
    /// its slash when unset.
    /// </summary>
    public string? CommandWord { get; set; }
}

/// <summary>One Teams user (by Entra object id) mapped to a Kubernetes identity.</summary>
public sealed class TeamsUserMapping
{
    /// <summary>The user's Entra object id (a GUID).</summary>
    public string? AadObjectId { get; set; }

    /// <summary>The IAM role ARN the user assumes for <c>kubectl</c>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>The exact Kubernetes username, when known.</summary>
    public string? KubernetesUser { get; set; }

    /// <summary>The exact Kubernetes groups, when known.</summary>
    public IList<string> KubernetesGroups { get; } = [];
}
