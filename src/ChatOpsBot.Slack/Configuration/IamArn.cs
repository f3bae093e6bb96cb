using System.Text.RegularExpressions;

namespace ChatOpsBot.Slack.Configuration;

/// <summary>Recognises IAM principal ARNs (roles with paths, assumed roles, users).</summary>
public static partial class IamArn
{
    /// <summary>The longest ARN accepted (IAM's own limit is 2048).</summary>
    public const int MaxLength = 2048;

    /// <summary>True when <paramref name="value"/> is an IAM role, assumed-role or user ARN.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && ArnPattern().IsMatch(value);

    [GeneratedRegex(
        @"^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:(role|assumed-role|user)/[A-Za-z0-9+=,.@_/-]+$",
        RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex ArnPattern();
}
