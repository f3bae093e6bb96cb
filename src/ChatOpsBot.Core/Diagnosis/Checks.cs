namespace ChatOpsBot.Core.Diagnosis;

/// <summary>The stable names of the checks a diagnosis reports.</summary>
public static class CheckNames
{
    /// <summary>What the error says was attempted.</summary>
    public const string Attempt = "attempt";

    /// <summary>Who the caller is.</summary>
    public const string Identity = "identity";

    /// <summary>What the bot could not read (its own permissions).</summary>
    public const string BotPermissions = "bot-permissions";

    /// <summary>The authoritative answer (SubjectAccessReview or evaluation).</summary>
    public const string Authorization = "authorization";

    /// <summary>The namespace exists.</summary>
    public const string NamespaceExists = "namespace-exists";

    /// <summary>The pod exists.</summary>
    public const string PodExists = "pod-exists";

    /// <summary>Bindings that name the identity or its groups.</summary>
    public const string BindingsForIdentity = "bindings-for-identity";

    /// <summary>The roles those bindings refer to exist.</summary>
    public const string RolesExist = "referenced-roles-exist";

    /// <summary>What those roles grant.</summary>
    public const string RolesGrant = "roles-grant";

    /// <summary>Who else is allowed, and through which group.</summary>
    public const string GrantedToOthers = "granted-to-others";

    /// <summary>What sibling namespaces do.</summary>
    public const string SiblingNamespaces = "sibling-namespaces";

    /// <summary>The fix, applied "what if", allows the attempt.</summary>
    public const string FixVerified = "fix-verified";

    /// <summary>The decision was not RBAC's.</summary>
    public const string DecisionLayer = "decision-layer";
}
