namespace ChatOpsBot.Playground;

/// <summary>The fixed workspace of the local playground: its team, channels, users and group.</summary>
public static class PlaygroundIds
{
    /// <summary>The playground's workspace.</summary>
    public const string TeamId = "T0PLAYGND";

    /// <summary>The team channel, where developers paste errors.</summary>
    public const string TeamChannel = "C0PLAYTEAM";

    /// <summary>The approvers' channel.</summary>
    public const string ApproversChannel = "C0PLAYAPPR";

    /// <summary>The developer, who asks for access.</summary>
    public const string Developer = "U0PLAYDEV";

    /// <summary>The admin, who approves.</summary>
    public const string Admin = "U0PLAYADM";

    /// <summary>The bot itself.</summary>
    public const string Bot = "U0PLAYBOT";

    /// <summary>The admins' user group.</summary>
    public const string AdminGroup = "S0PLAYADM";

    /// <summary>The user id of a role the page offers (<c>developer</c> or <c>admin</c>), or null.</summary>
    public static string? UserOfRole(string? role) => role?.Trim().ToUpperInvariant() switch
    {
        "DEVELOPER" => Developer,
        "ADMIN" => Admin,
        _ => null,
    };

    /// <summary>The display name of a playground user, or null for an unknown id.</summary>
    public static string? NameOf(string userId) => userId switch
    {
        Developer => "developer",
        Admin => "admin",
        Bot => "k8s-access",
        _ => null,
    };

    /// <summary>The display name of a playground channel, or null for an unknown id.</summary>
    public static string? ChannelName(string channel) => channel switch
    {
        TeamChannel => "team",
        ApproversChannel => "approvers",
        _ => null,
    };
}
