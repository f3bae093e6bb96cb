using System.Text;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Writes <c>aws-auth</c> entries for fix proposals. Every value is a double-quoted YAML
/// scalar on one line, so no username, group or ARN can add keys, entries or documents.
/// </summary>
public static class AwsAuthEntryWriter
{
    /// <summary>
    /// One <c>mapRoles</c> list item, lines joined with <c>\n</c> and ending with one, indented
    /// from column 0 (indent it to where it goes). A role ARN with a path, or an assumed-role
    /// ARN, is written as the role ARN without path, the only form aws-auth matches.
    /// </summary>
    /// <param name="roleArn">The IAM role (any ARN form of a role).</param>
    /// <param name="username">The username or template, such as <c>{{SessionName}}</c>.</param>
    /// <param name="groups">The Kubernetes groups.</param>
    /// <exception cref="ArgumentException">The ARN is not an IAM role ARN.</exception>
    public static string MapRoleEntry(string roleArn, string username, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(groups);
        if (!AwsPrincipalArn.TryParse(roleArn, out var role) || !role.IsRole)
        {
            throw new ArgumentException("The role ARN is not an IAM role ARN.", nameof(roleArn));
        }

        if (groups.Any(group => group is null))
        {
            throw new ArgumentException("A group is null.", nameof(groups));
        }

        var entry = new StringBuilder();
        entry.Append("- rolearn: ").Append(YamlQuoting.DoubleQuoted(role.CanonicalArn)).Append('\n');
        entry.Append("  username: ").Append(YamlQuoting.DoubleQuoted(username)).Append('\n');
        if (groups.Count == 0)
        {
            return entry.Append("  groups: []\n").ToString();
        }

        entry.Append("  groups:\n");
        foreach (var group in groups)
        {
            entry.Append("    - ").Append(YamlQuoting.DoubleQuoted(group)).Append('\n');
        }

        return entry.ToString();
    }
}
