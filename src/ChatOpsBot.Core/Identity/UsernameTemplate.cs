using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Username and group templates of <c>aws-auth</c> and access entries, both ways: render one
/// for a known session, or tell whether a username could have come from one.
/// </summary>
/// <remarks>
/// The placeholders are those of the aws-iam-authenticator: <c>{{AccountID}}</c>,
/// <c>{{SessionName}}</c> (the session name with <c>@</c> turned into <c>-</c>),
/// <c>{{SessionNameRaw}}</c>, <c>{{AccessKeyID}}</c> and <c>{{EC2PrivateDNSName}}</c>. Any
/// other <c>{{…}}</c> text is left alone by the authenticator, so here it is literal text.
/// </remarks>
public static class UsernameTemplate
{
    /// <summary>The <c>{{AccountID}}</c> placeholder.</summary>
    public const string AccountId = "{{AccountID}}";

    /// <summary>The <c>{{SessionName}}</c> placeholder.</summary>
    public const string SessionName = "{{SessionName}}";

    /// <summary>The <c>{{SessionNameRaw}}</c> placeholder.</summary>
    public const string SessionNameRaw = "{{SessionNameRaw}}";

    /// <summary>The <c>{{AccessKeyID}}</c> placeholder.</summary>
    public const string AccessKeyId = "{{AccessKeyID}}";

    /// <summary>The <c>{{EC2PrivateDNSName}}</c> placeholder.</summary>
    public const string Ec2PrivateDnsName = "{{EC2PrivateDNSName}}";

    // Usernames longer than this come from no template worth matching (Kubernetes names are short).
    private const int MaxUsernameLength = 4096;

    // STS session names: 2 to 64 of letters, digits and _+=,.@- ; {{SessionName}} has no '@'.
    private const string SessionNamePattern = "[A-Za-z0-9_+=,.-]{2,64}";
    private const string SessionNameRawPattern = "[A-Za-z0-9_+=,.@-]{2,64}";
    private const string AccountIdPattern = "[0-9]{12}";

    // Access key ids are 16 to 128 word characters (AKIA…/ASIA… in practice).
    private const string AccessKeyIdPattern = "[A-Za-z0-9_]{16,128}";

    // A DNS name (ip-10-0-0-1.ec2.internal, i-0abc….us-west-2.compute.internal).
    private const string DnsNamePattern = "[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?";

    private const int MaxCachedRegexes = 512;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<string, Regex> RegexCache = new(StringComparer.Ordinal);

    private static readonly string[] Placeholders =
        [SessionNameRaw, SessionName, AccountId, AccessKeyId, Ec2PrivateDnsName];

    /// <summary>True when the template holds at least one placeholder the authenticator fills.</summary>
    /// <param name="template">The template.</param>
    public static bool HasPlaceholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Placeholders.Any(p => template.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>
    /// What <c>{{SessionName}}</c> makes of a session name: every <c>@</c> becomes <c>-</c>.
    /// </summary>
    /// <param name="sessionName">The raw session name.</param>
    public static string SanitizeSessionName(string sessionName)
    {
        ArgumentNullException.ThrowIfNull(sessionName);
        return sessionName.Replace('@', '-');
    }

    /// <summary>Renders a template; false when it needs a value that is unknown.</summary>
    /// <param name="template">The username or group template.</param>
    /// <param name="values">The known values.</param>
    /// <param name="rendered">The result.</param>
    public static bool TryRender(
        string template, TemplateValues values, [NotNullWhen(true)] out string? rendered)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        rendered = null;
        var builder = new StringBuilder(template.Length);
        foreach (var piece in Split(template))
        {
            if (piece.Placeholder is null)
            {
                builder.Append(piece.Text);
                continue;
            }

            var value = ValueOf(piece.Placeholder, values);
            if (value is null)
            {
                return false;
            }

            builder.Append(value);
        }

        rendered = builder.ToString();
        return true;
    }

    /// <summary>
    /// Renders what can be rendered and leaves unknown placeholders as they are.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="values">The known values.</param>
    public static string RenderKnown(string template, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder(template.Length);
        foreach (var piece in Split(template))
        {
            var value = piece.Placeholder is null ? null : ValueOf(piece.Placeholder, values);
            builder.Append(value ?? piece.Text);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Tells whether a username could have been rendered from the template, and if so which
    /// values it was rendered with.
    /// </summary>
    /// <param name="template">The username template.</param>
    /// <param name="username">The username to test.</param>
    /// <param name="accountId">The mapping's account, when known: <c>{{AccountID}}</c> must be it.</param>
    /// <returns>The values read back, or null when the username does not fit.</returns>
    public static TemplateValues? Fit(string template, string username, string? accountId = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(username);
        if (username.Length > MaxUsernameLength || template.Length > MaxUsernameLength)
        {
            return null;
        }

        if (!HasPlaceholders(template))
        {
            return string.Equals(template, username, StringComparison.Ordinal)
                ? new TemplateValues { AccountId = accountId }
                : null;
        }

        if (!LiteralEndsFit(template, username))
        {
            return null;
        }

        Match match;
        try
        {
            match = CachedRegex(template, accountId).Match(username);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        return new TemplateValues
        {
            AccountId = Captured(match, "account") ?? accountId,
            SessionName = Captured(match, "raw"),
            SanitizedSessionName = Captured(match, "session"),
            AccessKeyId = Captured(match, "key"),
            Ec2PrivateDnsName = Captured(match, "dns"),
        };
    }

    /// <summary>True when the username could have been rendered from the template.</summary>
    /// <param name="template">The username template.</param>
    /// <param name="username">The username.</param>
    /// <param name="accountId">The mapping's account, when known.</param>
    public static bool Fits(string template, string username, string? accountId = null) =>
        Fit(template, username, accountId) is not null;

    /// <summary>
    /// The anchored regex that matches every username the template can render. Literal text is
    /// escaped; each placeholder becomes the character class of its values. It runs in linear
    /// time, except for templates too long for that engine, which get a match timeout instead.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="accountId">The account <c>{{AccountID}}</c> stands for, when known.</param>
    public static Regex ToRegex(string template, string? accountId = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var pattern = new StringBuilder(@"\A");
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in Split(template))
        {
            if (piece.Placeholder is null)
            {
                pattern.Append(Regex.Escape(piece.Text));
                continue;
            }

            var (group, body) = piece.Placeholder switch
            {
                SessionName => ("session", SessionNamePattern),
                SessionNameRaw => ("raw", SessionNameRawPattern),
                AccessKeyId => ("key", AccessKeyIdPattern),
                Ec2PrivateDnsName => ("dns", DnsNamePattern),
                _ => ("account", accountId is null ? AccountIdPattern : Regex.Escape(accountId)),
            };

            // Only the first use of a placeholder is captured: the engine has no back-references.
            pattern.Append(named.Add(group) ? $"(?<{group}>{body})" : $"(?:{body})");
        }

        pattern.Append(@"\z");
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        try
        {
            return new Regex(pattern.ToString(), options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Very long templates outgrow the linear engine's automaton limit; the classic
            // engine with a deadline is safe for them (matching stops at the timeout).
            return new Regex(pattern.ToString(), options, MatchTimeout);
        }
    }

    // A cheap test before any regex: the text before the first placeholder and after the last
    // one must start and end the username.
    private static bool LiteralEndsFit(string template, string username)
    {
        var pieces = Split(template);
        var prefix = pieces[0].Placeholder is null ? pieces[0].Text : "";
        var suffix = pieces[^1].Placeholder is null ? pieces[^1].Text : "";
        return username.Length >= prefix.Length + suffix.Length
            && username.StartsWith(prefix, StringComparison.Ordinal)
            && username.EndsWith(suffix, StringComparison.Ordinal);
    }

    // Building a linear-time regex costs milliseconds and most mappings share a few templates.
    private static Regex CachedRegex(string template, string? accountId)
    {
        var key = template.Contains(AccountId, StringComparison.Ordinal)
            ? template + "\n" + accountId
            : template;
        if (RegexCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (RegexCache.Count >= MaxCachedRegexes)
        {
            RegexCache.Clear();
        }

        var regex = ToRegex(template, accountId);
        RegexCache[key] = regex;
        return regex;
    }

    private static string? Captured(Match match, string group)
    {
        var captured = match.Groups[group];
        return captured.Success ? captured.Value : null;
    }

    private static string? ValueOf(string placeholder, TemplateValues values) => placeholder switch
    {
        AccountId => values.AccountId,
        SessionName => values.SessionName is { } raw
            ? SanitizeSessionName(raw)
            : values.SanitizedSessionName,
        SessionNameRaw => values.SessionName,
        AccessKeyId => values.AccessKeyId,
        _ => values.Ec2PrivateDnsName,
    };

    private static List<TemplatePiece> Split(string template)
    {
        var pieces = new List<TemplatePiece>();
        var literalStart = 0;
        var index = 0;
        while (index < template.Length)
        {
            var opens = index + 1 < template.Length && template[index] == '{' && template[index + 1] == '{';
            var placeholder = opens
                ? Placeholders.FirstOrDefault(p =>
                    string.CompareOrdinal(template, index, p, 0, p.Length) == 0)
                : null;
            if (placeholder is null)
            {
                index++;
                continue;
            }

            if (index > literalStart)
            {
                pieces.Add(new TemplatePiece(template[literalStart..index], null));
            }

            pieces.Add(new TemplatePiece(placeholder, placeholder));
            index += placeholder.Length;
            literalStart = index;
        }

        if (literalStart < template.Length)
        {
            pieces.Add(new TemplatePiece(template[literalStart..], null));
        }

        return pieces;
    }

    private sealed record TemplatePiece(string Text, string? Placeholder);
}
