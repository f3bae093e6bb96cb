using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// The identity of a known IAM principal (<c>--as-role</c>): its access entry, else its aws-auth
/// entry, else an auto-mapped account, else nothing (the role cannot sign in at all).
/// </summary>
internal static class RoleIdentityResolver
{
    internal static ResolvedIdentity Resolve(
        AwsPrincipalArn principal, AccessAttempt attempt, IdentityMappingSet mappings, List<string> notes)
    {
        var mapping = mappings.Find(principal);
        if (mapping is not null)
        {
            NoteOverriddenAwsAuth(principal, mapping, mappings, notes);
            var (username, values) = ChooseUsername(mapping, principal, attempt.User, notes);
            return IdentityResolver.Single(mapping.ToCandidate(username, values), notes);
        }

        if (mappings.AwsAuth.AllowsAccount(principal.AccountId))
        {
            // mapAccounts lets the principal in under its canonical ARN, with no groups.
            var user = principal.CanonicalArn;
            var candidate = new IdentityCandidate(
                user,
                ImplicitGroups.AddTo(user, []),
                IdentitySource.AwsAuth,
                principal.Original,
                $"aws-auth mapAccounts {principal.AccountId}, username is the caller's ARN");
            NoteUsernameMismatch(attempt.User, user, notes);
            return IdentityResolver.Single(candidate, notes);
        }

        var kind = principal.IsRole ? "role" : "principal";
        notes.Add(
            $"The IAM {kind} {IdentityText.Escape(principal.CanonicalArn)} is not in aws-auth "
            + "(mapRoles, mapUsers, mapAccounts) and has no access entry, so it is not mapped to "
            + "any Kubernetes identity.");
        return IdentityResolver.Unmapped(attempt, notes, principal.Original);
    }

    // The error's username when it fits the template (it is what the API server saw), else the
    // template rendered with what the ARN tells, else the error's username with a note.
    private static (string Username, TemplateValues Values) ChooseUsername(
        IdentityMapping mapping, AwsPrincipalArn principal, string? errorUser, List<string> notes)
    {
        var known = TemplateValues.For(principal);
        if (!string.IsNullOrEmpty(errorUser) && mapping.Fit(errorUser) is { } fitted
            && Consistent(fitted, known))
        {
            return (errorUser, fitted with { SessionName = fitted.SessionName ?? known.SessionName });
        }

        if (UsernameTemplate.TryRender(mapping.UsernameTemplate, known, out var rendered))
        {
            NoteUsernameMismatch(errorUser, rendered, notes);
            return (rendered, known);
        }

        if (!string.IsNullOrEmpty(errorUser))
        {
            notes.Add(
                $"The username in the error, {IdentityText.Quote(errorUser)}, does not fit the username "
                + $"template {IdentityText.Quote(mapping.UsernameTemplate)} of "
                + $"{IdentityText.Escape(mapping.Arn)}: "
                + "the error may come from another role or kubeconfig context.");
            return (errorUser, known);
        }

        notes.Add(
            "The session name is unknown, so the username template "
            + $"{IdentityText.Quote(mapping.UsernameTemplate)} could not be filled in.");
        return (mapping.UsernameTemplate, known);
    }

    // A session named in the assumed-role ARN must be the one the username was rendered with.
    private static bool Consistent(TemplateValues fitted, TemplateValues known)
    {
        if (known.SessionName is null)
        {
            return true;
        }

        return (fitted.SessionName is null || fitted.SessionName == known.SessionName)
            && (fitted.SanitizedSessionName is null
                || fitted.SanitizedSessionName == UsernameTemplate.SanitizeSessionName(known.SessionName));
    }

    private static void NoteUsernameMismatch(string? errorUser, string expected, List<string> notes)
    {
        if (!string.IsNullOrEmpty(errorUser) && !string.Equals(errorUser, expected, StringComparison.Ordinal))
        {
            notes.Add(
                $"The error names the user {IdentityText.Quote(errorUser)}, but this principal signs in as "
                + $"{IdentityText.Quote(expected)}: the error may come from another role or kubeconfig "
                + "context.");
        }
    }

    private static void NoteOverriddenAwsAuth(
        AwsPrincipalArn principal, IdentityMapping mapping, IdentityMappingSet mappings, List<string> notes)
    {
        if (mapping.Source == IdentitySource.AccessEntry
            && mappings.OverriddenAwsAuthEntry(principal) is { } hidden)
        {
            notes.Add(
                $"{IdentityText.Escape(hidden.Arn)} is also in aws-auth, but its access entry takes "
                + "precedence, so the aws-auth entry is not used.");
        }
    }
}
