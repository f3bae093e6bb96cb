using System.Diagnostics.CodeAnalysis;

namespace ChatOpsBot.Core.Identity;

/// <summary>What kind of IAM principal an ARN names.</summary>
public enum AwsPrincipalKind
{
    /// <summary><c>arn:aws:iam::ACCT:role/PATH/NAME</c>.</summary>
    Role,

    /// <summary><c>arn:aws:sts::ACCT:assumed-role/NAME/SESSION</c>: a session of a role.</summary>
    AssumedRole,

    /// <summary><c>arn:aws:iam::ACCT:user/PATH/NAME</c>.</summary>
    User,

    /// <summary><c>arn:aws:sts::ACCT:federated-user/NAME</c>.</summary>
    FederatedUser,

    /// <summary><c>arn:aws:iam::ACCT:root</c>.</summary>
    Root,
}

/// <summary>
/// An IAM principal ARN taken apart: a role (with or without a path), a role session
/// (assumed-role form), a user, a federated user or an account root.
/// </summary>
public sealed record AwsPrincipalArn
{
    // IAM names: letters, digits and _+=,.@- (role and user names share the rule).
    private const string NameChars = "_+=,.@-";

    private AwsPrincipalArn(string original)
    {
        Original = original;
    }

    /// <summary>The ARN as given.</summary>
    public string Original { get; }

    /// <summary>The partition: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, …</summary>
    public required string Partition { get; init; }

    /// <summary>The account id.</summary>
    public required string AccountId { get; init; }

    /// <summary>What the ARN names.</summary>
    public required AwsPrincipalKind Kind { get; init; }

    /// <summary>The IAM path, <c>/</c> when there is none (always <c>/</c> for sessions).</summary>
    public string Path { get; init; } = "/";

    /// <summary>The role or user name (empty for <see cref="AwsPrincipalKind.Root"/>).</summary>
    public string Name { get; init; } = "";

    /// <summary>The role session name of an assumed-role ARN, else null.</summary>
    public string? SessionName { get; init; }

    /// <summary>True for a role or a session of one.</summary>
    public bool IsRole => Kind is AwsPrincipalKind.Role or AwsPrincipalKind.AssumedRole;

    /// <summary>
    /// The ARN the authenticator compares with the mappings: a role (or role session) becomes
    /// <c>arn:P:iam::ACCT:role/NAME</c> without its path; other kinds stay as they are.
    /// </summary>
    public string CanonicalArn => IsRole ? $"arn:{Partition}:iam::{AccountId}:role/{Name}" : Original;

    /// <summary>
    /// True when both name the same IAM role or user, paths and case aside (access entries
    /// may carry a path that a session ARN never shows).
    /// </summary>
    /// <param name="other">The other principal.</param>
    public bool SamePrincipal(AwsPrincipalArn other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sameKind = IsRole == other.IsRole && (IsRole || Kind == other.Kind);
        return sameKind
            && string.Equals(Partition, other.Partition, StringComparison.Ordinal)
            && string.Equals(AccountId, other.AccountId, StringComparison.Ordinal)
            && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override string ToString() => Original;

    /// <summary>Reads an IAM principal ARN; false for anything else.</summary>
    /// <param name="text">The ARN text (surrounding white space is ignored).</param>
    /// <param name="arn">The parsed ARN.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AwsPrincipalArn? arn)
    {
        arn = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 2048)
        {
            return false;
        }

        // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE; IAM and STS ARNs have no region.
        var parts = trimmed.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[3].Length != 0
            || !IsPartition(parts[1]) || !IsAccountId(parts[4]))
        {
            return false;
        }

        arn = parts[2] switch
        {
            "iam" => ReadIamResource(trimmed, parts[1], parts[4], parts[5]),
            "sts" => ReadStsResource(trimmed, parts[1], parts[4], parts[5]),
            _ => null,
        };
        return arn is not null;
    }

    /// <summary>Reads an ARN or fails with a <see cref="FormatException"/>.</summary>
    /// <param name="text">The ARN text.</param>
    public static AwsPrincipalArn Parse(string text) =>
        TryParse(text, out var arn)
            ? arn
            : throw new FormatException("Not an IAM role, user or role-session ARN.");

    private static AwsPrincipalArn? ReadIamResource(
        string original, string partition, string account, string resource)
    {
        if (resource == "root")
        {
            return new AwsPrincipalArn(original)
            {
                Partition = partition,
                AccountId = account,
                Kind = AwsPrincipalKind.Root,
            };
        }

        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var kind = resource[..slash] switch
        {
            "role" => AwsPrincipalKind.Role,
            "user" => AwsPrincipalKind.User,
            _ => (AwsPrincipalKind?)null,
        };
        var lastSlash = resource.LastIndexOf('/');
        var path = resource[slash..(lastSlash + 1)];
        var name = resource[(lastSlash + 1)..];
        if (kind is null || !IsName(name) || !IsPath(path))
        {
            return null;
        }

        return new AwsPrincipalArn(original)
        {
            Partition = partition,
            AccountId = account,
            Kind = kind.Value,
            Path = path,
            Name = name,
        };
    }

    private static AwsPrincipalArn? ReadStsResource(
        string original, string partition, string account, string resource)
    {
        var pieces = resource.Split('/');
        if (pieces.Length == 3 && pieces[0] == "assumed-role"
            && IsName(pieces[1]) && IsName(pieces[2]))
        {
            return new AwsPrincipalArn(original)
            {
                Partition = partition,
                AccountId = account,
                Kind = AwsPrincipalKind.AssumedRole,
                Name = pieces[1],
                SessionName = pieces[2],
            };
        }

        if (pieces.Length == 2 && pieces[0] == "federated-user" && IsName(pieces[1]))
        {
            return new AwsPrincipalArn(original)
            {
                Partition = partition,
                AccountId = account,
                Kind = AwsPrincipalKind.FederatedUser,
                Name = pieces[1],
            };
        }

        return null;
    }

    private static bool IsPartition(string text) =>
        text.StartsWith("aws", StringComparison.Ordinal)
        && text.Length <= 32
        && text.All(c => char.IsAsciiLetterLower(c) || c == '-');

    // Real account ids have 12 digits; some published examples have fewer, so any digits do.
    private static bool IsAccountId(string text) =>
        text.Length is > 0 and <= 12 && text.All(char.IsAsciiDigit);

    private static bool IsName(string text) =>
        text.Length is > 0 and <= 128 && text.All(c => char.IsAsciiLetterOrDigit(c) || NameChars.Contains(c));

    // Paths start and end with '/' and hold printable ASCII other than white space.
    private static bool IsPath(string text) =>
        text.Length <= 512 && text.All(c => c > ' ' && c < 127);
}
