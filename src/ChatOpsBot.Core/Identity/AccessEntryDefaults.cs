namespace ChatOpsBot.Core.Identity;

/// <summary>The username EKS sets on an access entry that was created without one.</summary>
public static class AccessEntryDefaults
{
    /// <summary>The username template of EC2 Linux and Windows node entries.</summary>
    public const string Ec2NodeUsername = "system:node:" + UsernameTemplate.Ec2PrivateDnsName;

    /// <summary>The username template of Fargate and hybrid node entries.</summary>
    public const string SessionNodeUsername = "system:node:" + UsernameTemplate.SessionName;

    /// <summary>
    /// The entry's username, or the EKS default: <c>system:node:{{EC2PrivateDNSName}}</c> for
    /// <c>EC2_LINUX</c>/<c>EC2_WINDOWS</c>, <c>system:node:{{SessionName}}</c> for
    /// <c>FARGATE_LINUX</c>/<c>HYBRID_LINUX</c>; otherwise an IAM user's ARN, or for a role
    /// <c>arn:P:sts::ACCT:assumed-role/NAME/{{SessionName}}</c> with the role's path removed.
    /// </summary>
    /// <param name="entry">The access entry.</param>
    public static string EffectiveUsername(AccessEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.IsNullOrEmpty(entry.Username)
            ? DefaultUsername(entry.PrincipalArn, entry.Type)
            : entry.Username;
    }

    /// <summary>The username EKS sets for a principal and entry type.</summary>
    /// <param name="principalArn">The entry's principal.</param>
    /// <param name="type">The entry type (<c>STANDARD</c> when null).</param>
    public static string DefaultUsername(string principalArn, string? type)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        switch (type?.ToUpperInvariant())
        {
            case "EC2_LINUX" or "EC2_WINDOWS":
                return Ec2NodeUsername;
            case "FARGATE_LINUX" or "HYBRID_LINUX":
                return SessionNodeUsername;
        }

        if (AwsPrincipalArn.TryParse(principalArn, out var principal) && principal.IsRole)
        {
            return $"arn:{principal.Partition}:sts::{principal.AccountId}:assumed-role/{principal.Name}/"
                + UsernameTemplate.SessionName;
        }

        return principalArn;
    }
}
