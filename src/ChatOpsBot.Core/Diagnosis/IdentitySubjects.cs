using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>The binding subjects that stand for an identity, the most fitting first.</summary>
public static class IdentitySubjects
{
    /// <summary>
    /// A ServiceAccount is bound as itself. Anyone else is bound through the groups the
    /// platform gave them, and by user name only when they have none: an IAM role's user
    /// name usually holds a session name that changes from one login to the next.
    /// </summary>
    public static IReadOnlyList<Subject> For(ResolvedIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);

        if (ServiceAccountUsername.TryParse(identity.User, out var account))
        {
            return [new Subject(SubjectKinds.ServiceAccount, account.Name, account.Namespace)];
        }

        var subjects = identity.Groups
            .Where(group => !ImplicitGroups.IsImplicit(group) && ImplicitGroups.IsTeamGroup(group))
            .Select(group => new Subject(SubjectKinds.Group, group))
            .ToList();
        if (subjects.Count == 0 && identity.User.Length > 0)
        {
            subjects.Add(new Subject(SubjectKinds.User, identity.User));
        }

        return subjects;
    }

    /// <summary>Words for a subject: <c>Group fake_company:server</c>.</summary>
    public static string Describe(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Kind == SubjectKinds.ServiceAccount
            ? $"ServiceAccount {subject.Namespace}/{subject.Name}"
            : $"{subject.Kind} {subject.Name}";
    }
}
