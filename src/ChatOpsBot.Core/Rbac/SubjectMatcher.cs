namespace ChatOpsBot.Core.Rbac;

/// <summary>Whether a binding's subject names a user, with the authorizer's rules.</summary>
public static class SubjectMatcher
{
    /// <summary>The prefix of every ServiceAccount username.</summary>
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    /// <summary>
    /// True when <paramref name="subject"/> names <paramref name="user"/>. A ServiceAccount
    /// subject without a namespace means the binding's own namespace.
    /// </summary>
    public static bool AppliesTo(Subject subject, UserInfo user, string? bindingNamespace)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(user);

        switch (subject.Kind)
        {
            case SubjectKinds.User:
                return user.Name == subject.Name;
            case SubjectKinds.Group:
                return user.Groups.Contains(subject.Name, StringComparer.Ordinal);
            case SubjectKinds.ServiceAccount:
                var serviceAccountNamespace = string.IsNullOrEmpty(subject.Namespace)
                    ? bindingNamespace
                    : subject.Namespace;
                return !string.IsNullOrEmpty(serviceAccountNamespace)
                    && MatchesServiceAccountUsername(
                        serviceAccountNamespace, subject.Name, user.Name);
            default:
                return false;
        }
    }

    /// <summary>The index of the first subject that names the user, or -1.</summary>
    public static int FirstMatch(
        IReadOnlyList<Subject> subjects, UserInfo user, string? bindingNamespace)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        for (var index = 0; index < subjects.Count; index++)
        {
            if (AppliesTo(subjects[index], user, bindingNamespace))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when <paramref name="username"/> is exactly <c>system:serviceaccount:NS:NAME</c>.
    /// </summary>
    public static bool MatchesServiceAccountUsername(
        string serviceAccountNamespace, string name, string username)
    {
        ArgumentNullException.ThrowIfNull(serviceAccountNamespace);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(username);
        return username == ServiceAccountPrefix + serviceAccountNamespace + ":" + name;
    }
}
