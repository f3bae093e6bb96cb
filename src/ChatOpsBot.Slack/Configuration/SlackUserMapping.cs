namespace ChatOpsBot.Slack.Configuration;

/// <summary>
/// Maps one Slack user, or every member of one Slack user group, to a Kubernetes identity:
/// an IAM role ARN (resolved through <c>aws-auth</c> or access entries) and/or an explicit
/// Kubernetes user and groups.
/// </summary>
public sealed class SlackUserMapping
{
    /// <summary>The Slack user id (<c>U…</c>, <c>W…</c>); this or <see cref="SlackUserGroupId"/>.</summary>
    public string? SlackUserId { get; set; }

    /// <summary>The Slack user-group id (<c>S…</c>); needs <c>usergroups:read</c> and a paid plan.</summary>
    public string? SlackUserGroupId { get; set; }

    /// <summary>The IAM role ARN the user assumes for <c>kubectl</c>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>The exact Kubernetes username, when known.</summary>
    public string? KubernetesUser { get; set; }

    /// <summary>The exact Kubernetes groups, when known.</summary>
    public List<string> KubernetesGroups { get; set; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"{SlackUserId ?? SlackUserGroupId} -> "
        + (RoleArn ?? KubernetesUser ?? string.Join(',', KubernetesGroups));
}
