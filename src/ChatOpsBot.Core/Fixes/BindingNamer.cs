using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Fixes;

/// <summary>
/// Names a new binding after the cluster's convention, never reusing a taken name.
/// </summary>
public static class BindingNamer
{
    /// <summary>
    /// The name for a binding of <paramref name="roleRef"/> to <paramref name="subject"/>:
    /// the convention's template applied to the namespace when there is one, otherwise
    /// <c>subject-role</c>; suffixed with the role and then the subject when the name is taken.
    /// </summary>
    public static string Name(
        string? template, string @namespace, Subject subject, RoleRef roleRef, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(roleRef);
        ArgumentNullException.ThrowIfNull(taken);

        var shortSubject = Sanitize(subject.Name);
        var role = Sanitize(roleRef.Name);
        var baseName = template is null
            ? $"{shortSubject}-{role}"
            : Sanitize(template.Replace(
                SiblingConventions.NamespacePlaceholder, @namespace, StringComparison.Ordinal));

        string[] options = [baseName, $"{baseName}-{role}", $"{baseName}-{shortSubject}-{role}"];
        foreach (var option in options)
        {
            if (!taken.Contains(option))
            {
                return Truncate(option);
            }
        }

        for (var index = 2; ; index++)
        {
            var numbered = $"{baseName}-{role}-{index}";
            if (!taken.Contains(numbered))
            {
                return Truncate(numbered);
            }
        }
    }

    // RBAC object names are path segments (no slash or percent sign, at most 253 characters).
    // Narrower still: a user name is pasted text, and brackets, quotes or markup from it have no
    // place in a name an approver reads in a pull request.
    private static string Sanitize(string value)
    {
        var cleaned = new string(value
            .Select(character => IsUnsafe(character) ? '-' : character)
            .ToArray());
        return cleaned is "." or ".." or "" ? "binding" : cleaned;
    }

    private static bool IsUnsafe(char character) =>
        !(char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '_' or ':' or '@');

    private static string Truncate(string name) => name.Length <= 253 ? name : name[..253];
}
