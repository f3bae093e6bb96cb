namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Reads the <c>aws-auth</c> ConfigMap as the aws-iam-authenticator does. Nothing here throws
/// on bad content: what cannot be read is left out and described in
/// <see cref="AwsAuthMap.Problems"/>.
/// </summary>
/// <remarks>
/// Behaviour kept from the authenticator: the top-level keys <c>mapRoles</c>,
/// <c>mapUsers</c> and <c>mapAccounts</c> are case-sensitive (<c>maproles</c> is ignored);
/// keys inside an entry are not (<c>rOlEaRn</c> works); each key is read on its own, so a
/// broken <c>mapUsers</c> does not lose <c>mapRoles</c>; a value that is only white space,
/// <c>``</c> or <c>""</c> counts as absent; duplicate ARNs resolve to the last entry.
/// </remarks>
public static class AwsAuthParser
{
    /// <summary>The ConfigMap key of the role mappings.</summary>
    public const string MapRolesKey = "mapRoles";

    /// <summary>The ConfigMap key of the user mappings.</summary>
    public const string MapUsersKey = "mapUsers";

    /// <summary>The ConfigMap key of the auto-mapped accounts.</summary>
    public const string MapAccountsKey = "mapAccounts";

    // A ConfigMap holds at most 1 MiB, so a larger value cannot be a real one.
    internal const int MaxValueLength = 1024 * 1024;

    /// <summary>Reads the ConfigMap's <c>data</c> map.</summary>
    /// <param name="data">The <c>data</c> of <c>kube-system/aws-auth</c>.</param>
    public static AwsAuthMap Parse(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<string>();
        ReportMisspelledKeys(data, problems);

        var roles = Read(data, MapRolesKey, problems, (reader, text) => reader.ReadMappings(text, "rolearn"));
        var users = Read(data, MapUsersKey, problems, (reader, text) => reader.ReadMappings(text, "userarn"));
        var accounts = Read(data, MapAccountsKey, problems, (reader, text) => reader.ReadAccounts(text));

        ReportRoleArnProblems(roles, problems);
        ReportDuplicates(MapRolesKey, roles, problems);
        ReportDuplicates(MapUsersKey, users, problems);
        return new AwsAuthMap { Roles = roles, Users = users, Accounts = accounts, Problems = problems };
    }

    /// <summary>
    /// Reads a whole <c>aws-auth</c> ConfigMap as pasted: YAML or JSON (a ConfigMap, a
    /// <c>List</c> holding it, several documents), or <c>kubectl describe configmap</c> output.
    /// </summary>
    /// <param name="text">The text.</param>
    public static AwsAuthMap ParseConfigMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = AwsAuthConfigMapReader.ReadData(text, out var problem);
        return data is null ? new AwsAuthMap { Problems = [problem!] } : Parse(data);
    }

    private static List<T> Read<T>(
        IReadOnlyDictionary<string, string> data,
        string key,
        List<string> problems,
        Func<AwsAuthSectionReader, string, List<T>> read)
    {
        if (!data.TryGetValue(key, out var text) || IsSkippable(text))
        {
            return [];
        }

        if (text.Length > MaxValueLength)
        {
            problems.Add($"aws-auth {key} is larger than a ConfigMap can hold (1 MiB), so it is not read.");
            return [];
        }

        return read(new AwsAuthSectionReader(key, problems), text);
    }

    private static bool IsSkippable(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed is "``" or "\"\"";
    }

    private static void ReportMisspelledKeys(IReadOnlyDictionary<string, string> data, List<string> problems)
    {
        string[] known = [MapRolesKey, MapUsersKey, MapAccountsKey];
        foreach (var key in data.Keys.Order(StringComparer.Ordinal))
        {
            var meant = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (meant is not null && !string.Equals(meant, key, StringComparison.Ordinal))
            {
                problems.Add(
                    $"aws-auth key {IdentityText.Quote(key)} is ignored: the authenticator reads only "
                    + $"\"{meant}\" (the top-level keys are case-sensitive).");
            }
        }
    }

    private static void ReportRoleArnProblems(List<AwsAuthMapping> roles, List<string> problems)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            var arn = roles[i].Arn;
            if (arn.Length == 0)
            {
                continue;
            }

            if (!AwsPrincipalArn.TryParse(arn, out var parsed))
            {
                problems.Add(
                    $"aws-auth mapRoles entry {i + 1}: {IdentityText.Quote(arn)} is not an IAM ARN, "
                    + "so it never matches.");
            }
            else if (parsed.Kind == AwsPrincipalKind.Role && parsed.Path != "/")
            {
                problems.Add(
                    $"aws-auth mapRoles entry {i + 1}: the role ARN {IdentityText.Quote(arn)} includes "
                    + $"the path {IdentityText.Quote(parsed.Path)}; aws-auth compares role ARNs without "
                    + $"their path, so this entry never matches (write {parsed.CanonicalArn}).");
            }
        }
    }

    private static void ReportDuplicates(string section, List<AwsAuthMapping> mappings, List<string> problems)
    {
        var entriesByArn = mappings
            .Select((mapping, index) => (mapping.Arn, Number: index + 1))
            .Where(entry => entry.Arn.Length > 0)
            .GroupBy(entry => entry.Arn, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1);
        foreach (var group in entriesByArn)
        {
            var numbers = group.Select(entry => entry.Number).ToList();
            problems.Add(
                $"aws-auth {section} entries {string.Join(", ", numbers)} all map "
                + $"{IdentityText.Quote(group.Key)}; "
                + $"the authenticator uses only the last (entry {numbers[^1]}).");
        }
    }
}
