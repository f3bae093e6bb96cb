namespace ChatOpsBot.Core.Identity;

/// <summary>
/// The values the authenticator fills into username and group templates for one session.
/// A null value is unknown.
/// </summary>
public sealed record TemplateValues
{
    /// <summary>The account id (<c>{{AccountID}}</c>).</summary>
    public string? AccountId { get; init; }

    /// <summary>
    /// The role session name as STS reports it (<c>{{SessionNameRaw}}</c>);
    /// <c>{{SessionName}}</c> is this with every <c>@</c> turned into <c>-</c>.
    /// </summary>
    public string? SessionName { get; init; }

    /// <summary>
    /// The session name with <c>@</c> already turned into <c>-</c>, when only that form is known
    /// (it was read back from a rendered username). Used when <see cref="SessionName"/> is null.
    /// </summary>
    public string? SanitizedSessionName { get; init; }

    /// <summary>The access key id of the credentials (<c>{{AccessKeyID}}</c>).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The node's EC2 private DNS name (<c>{{EC2PrivateDNSName}}</c>).</summary>
    public string? Ec2PrivateDnsName { get; init; }

    /// <summary>Values for a principal: its account, and its session when it is a role session.</summary>
    /// <param name="principal">The principal.</param>
    public static TemplateValues For(AwsPrincipalArn principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new TemplateValues { AccountId = principal.AccountId, SessionName = principal.SessionName };
    }
}
