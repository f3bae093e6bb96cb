using System.Runtime.CompilerServices;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Works out the caller's Kubernetes identity (username and groups) from what the user told
/// us, pasted <c>kubectl auth whoami</c> output, the EKS mappings and the error message.
/// </summary>
/// <remarks>
/// The rules, first that applies wins: <c>--as-user</c>/<c>--as-group</c>; whoami output in
/// the paste; <c>--as-role</c> (the mapping of that role); a ServiceAccount username; every
/// access entry and aws-auth mapping the error's username fits, ranked; the error's username
/// alone. Implicit groups (<c>system:authenticated</c>, …) are always added.
/// </remarks>
public static class IdentityResolver
{
    // Every diagnosis against the same cluster read sees the same aws-auth data: parse it once
    // (hundreds of role mappings on a large cluster), not once per diagnosis.
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, string>, AwsAuthMap>
        ParsedAwsAuth = [];

    /// <summary>Resolves the identity.</summary>
    /// <param name="attempt">The access attempt read from the error.</param>
    /// <param name="hints">What the user told us about themselves.</param>
    /// <param name="state">The cluster, for its aws-auth ConfigMap and access entries.</param>
    /// <param name="pastedText">The whole pasted text, searched for whoami output; may be null.</param>
    public static ResolvedIdentity Resolve(
        AccessAttempt attempt, IdentityHints hints, ClusterState state, string? pastedText)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(hints);
        ArgumentNullException.ThrowIfNull(state);

        if (hints.User is not null || hints.Groups.Count > 0)
        {
            return FromOverride(attempt, hints);
        }

        if (pastedText is not null && WhoAmIParser.TryParse(pastedText) is { } whoami)
        {
            var candidate = new IdentityCandidate(
                whoami.User,
                ImplicitGroups.AddTo(whoami.User, whoami.Groups),
                IdentitySource.WhoAmI,
                null,
                "pasted kubectl auth whoami output");
            List<string> whoamiNotes = [];
            if (attempt.User is { Length: > 0 } named && named != whoami.User)
            {
                whoamiNotes.Add(
                    $"The pasted whoami output names {IdentityText.Quote(whoami.User)} but the error "
                    + $"names {IdentityText.Quote(named)}; the whoami identity is used. If they "
                    + "came from different terminals or contexts, paste them from the same one.");
            }

            return Single(candidate, whoamiNotes);
        }

        var awsAuth = state.AwsAuthData is null
            ? AwsAuthMap.Empty
            : ParsedAwsAuth.GetValue(state.AwsAuthData, AwsAuthParser.Parse);
        var mappings = IdentityMappingSet.Build(state.AccessEntries, awsAuth, state.AwsAuthData is not null);
        var notes = new List<string>(awsAuth.Problems);

        if (hints.RoleArn is not null)
        {
            if (AwsPrincipalArn.TryParse(hints.RoleArn, out var principal))
            {
                return RoleIdentityResolver.Resolve(principal, attempt, mappings, notes);
            }

            notes.Add(
                $"The --as-role value {IdentityText.Quote(hints.RoleArn)} is not an IAM role ARN, "
                + "so it was ignored.");
        }

        var user = attempt.User ?? "";
        if (ServiceAccountUsername.TryParse(user, out var account))
        {
            var candidate = new IdentityCandidate(
                user,
                ImplicitGroups.AddTo(user, attempt.Groups ?? []),
                IdentitySource.ServiceAccount,
                null,
                $"ServiceAccount {IdentityText.Quote(account.Name)} in namespace "
                + IdentityText.Quote(account.Namespace));
            return Single(candidate, notes);
        }

        return UsernameMatcher.Resolve(attempt, mappings, notes, state.Bindings);
    }

    /// <summary>
    /// The identity of the error message alone: no mapping explains it. The principal, when
    /// known, is the IAM role or user that is not mapped.
    /// </summary>
    internal static ResolvedIdentity Unmapped(
        AccessAttempt attempt, List<string> notes, string? principalArn = null)
    {
        var user = attempt.User ?? "";
        var candidate = new IdentityCandidate(
            user,
            ImplicitGroups.AddTo(user, attempt.Groups ?? []),
            IdentitySource.ErrorMessage,
            principalArn,
            user.Length == 0
                ? "the error message names no user"
                : "the username in the error message; no mapping fits it");
        return Single(candidate, notes);
    }

    /// <summary>A resolution with one candidate, not a guess.</summary>
    internal static ResolvedIdentity Single(IdentityCandidate candidate, IReadOnlyList<string> notes) => new()
    {
        Chosen = candidate,
        Candidates = [candidate],
        IsGuess = false,
        Notes = notes,
    };

    private static ResolvedIdentity FromOverride(AccessAttempt attempt, IdentityHints hints)
    {
        var notes = new List<string>();
        var user = hints.User ?? attempt.User ?? "";
        if (user.Length == 0)
        {
            notes.Add("No username was given or found in the error; only the given groups are checked.");
        }

        var given = (hints.User is not null, hints.Groups.Count > 0) switch
        {
            (true, true) => "--as-user and --as-group",
            (true, false) => "--as-user",
            _ => "--as-group",
        };
        var candidate = new IdentityCandidate(
            user,
            ImplicitGroups.AddTo(user, hints.Groups),
            IdentitySource.Override,
            hints.RoleArn,
            $"given with {given}");
        return Single(candidate, notes);
    }
}
