namespace ChatOpsBot.Slack.Blocks;

/// <summary>
/// The stable ids of the bot's interactive elements. Block ids carry the opaque diagnosis id
/// after a prefix, so a click names the stored diagnosis and nothing else.
/// </summary>
public static class SlackActionIds
{
    /// <summary>The select menu of other candidate identities.</summary>
    public const string ChooseIdentity = "k8s_access.choose_identity";

    /// <summary>The "Request access" button; its value is the diagnosis id.</summary>
    public const string RequestAccess = "k8s_access.request_access";

    /// <summary>Prefix of the identity menu's block id, followed by the diagnosis id.</summary>
    public const string IdentityBlockPrefix = "k8s_access.identity:";

    /// <summary>Prefix of the request button's block id, followed by the diagnosis id.</summary>
    public const string RequestBlockPrefix = "k8s_access.request:";

    /// <summary>Option values for candidates without a usable ARN: this prefix and the index.</summary>
    public const string CandidateIndexPrefix = "candidate:";

    /// <summary>The approvers' "Approve" button; its value is the request id.</summary>
    public const string Approve = "k8s_access.approve";

    /// <summary>The approvers' "Deny" button; its value is the request id.</summary>
    public const string Deny = "k8s_access.deny";

    /// <summary>Prefix of the approvers' buttons block id, followed by the request id.</summary>
    public const string DecisionBlockPrefix = "k8s_access.decide:";
}
