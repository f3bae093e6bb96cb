using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Finds every mapping whose username template the error's username fits, and ranks them:
/// mappings whose role or groups name the attempt's namespace first, then those whose groups
/// other namespaces bind (a mapping to groups no binding uses is unlikely to be the team's),
/// literal usernames before templates, then the order they are written in (access entries
/// first).
/// </summary>
internal static class UsernameMatcher
{
    internal static ResolvedIdentity Resolve(
        AccessAttempt attempt, IdentityMappingSet mappings, List<string> notes,
        IReadOnlyList<Binding> bindings)
    {
        var user = attempt.User ?? "";
        if (user.Length == 0)
        {
            // A chat command names no user: every person-facing mapping is a candidate.
            return attempt.IsRbacQuestion && mappings.HasData
                ? Ranked(user, PersonMappings(mappings), attempt, mappings, notes, bindings)
                : IdentityResolver.Unmapped(attempt, notes);
        }

        return Ranked(user, Fits(user, mappings), attempt, mappings, notes, bindings);
    }

    private static ResolvedIdentity Ranked(
        string user,
        List<(IdentityMapping Mapping, IdentityCandidate Candidate)> fits,
        AccessAttempt attempt,
        IdentityMappingSet mappings,
        List<string> notes,
        IReadOnlyList<Binding> bindings)
    {
        var agreeing = KeepThoseAgreeingWithErrorGroups(fits, attempt);

        // Read only when there is a choice to make: one pass over the bindings.
        HashSet<string> siblingGroups = agreeing.Count > 1
            ? GroupsBoundOutside(bindings, attempt.Namespace)
            : [];
        var ranked = agreeing
            .Select(fit => (fit.Candidate, Rank: Rank(fit.Mapping, attempt, siblingGroups)))
            .OrderByDescending(fit => fit.Rank.NamesNamespace)
            .ThenByDescending(fit => fit.Rank.SiblingsBindGroups)
            .ThenByDescending(fit => fit.Rank.Literal)
            .ThenBy(fit => fit.Rank.Order)
            .ToList();

        if (ranked.Count == 0)
        {
            notes.Add(mappings.HasData
                ? $"No access entry or aws-auth entry fits the username {IdentityText.Quote(user)} (the IAM "
                    + "principal that created the cluster is mapped implicitly and appears nowhere)."
                : "The cluster has no aws-auth ConfigMap or access entries to map the username with.");
            return IdentityResolver.Unmapped(attempt, notes);
        }

        var candidates = ranked.Select(fit => WithErrorGroups(fit.Candidate, attempt)).ToList();
        if (candidates.Count > 1)
        {
            notes.Add(GuessNote(user, candidates, ranked[0].Rank, attempt.Namespace));
        }

        return new ResolvedIdentity
        {
            Chosen = candidates[0],
            Candidates = candidates,
            IsGuess = candidates.Count > 1,
            Notes = notes,
        };
    }

    // Node and Fargate mappings are for machines, never for a person asking in chat.
    private static List<(IdentityMapping Mapping, IdentityCandidate Candidate)> PersonMappings(
        IdentityMappingSet mappings) =>
        mappings.Mappings
            .Where(mapping => !mapping.UsernameTemplate.StartsWith("system:node:", StringComparison.Ordinal))
            .Select(mapping => (mapping, mapping.ToCandidate(
                UsernameTemplate.RenderKnown(mapping.UsernameTemplate, new TemplateValues()), new TemplateValues())))
            .ToList();

    private static List<(IdentityMapping Mapping, IdentityCandidate Candidate)> Fits(
        string user, IdentityMappingSet mappings)
    {
        var fits = new List<(IdentityMapping, IdentityCandidate)>();
        foreach (var mapping in mappings.Mappings)
        {
            if (mapping.Fit(user) is { } values)
            {
                fits.Add((mapping, mapping.ToCandidate(user, values)));
            }
        }

        if (AccountFit(user, mappings) is { } account)
        {
            fits.Add(account);
        }

        return fits;
    }

    // mapAccounts lets any unmapped principal of a listed account in under its canonical ARN.
    private static (IdentityMapping, IdentityCandidate)? AccountFit(string user, IdentityMappingSet mappings)
    {
        if (!AwsPrincipalArn.TryParse(user, out var principal)
            || principal.Kind is AwsPrincipalKind.AssumedRole or AwsPrincipalKind.FederatedUser
            || !string.Equals(principal.CanonicalArn, user, StringComparison.Ordinal)
            || !mappings.AwsAuth.AllowsAccount(principal.AccountId)
            || mappings.Find(principal) is not null)
        {
            return null;
        }

        var mapping = new IdentityMapping(
            IdentitySource.AwsAuth, "aws-auth mapAccounts", principal.AccountId, principal, user, [],
            mappings.Mappings.Count);
        var candidate = new IdentityCandidate(
            user,
            ImplicitGroups.AddTo(user, []),
            IdentitySource.AwsAuth,
            principal.Original,
            $"aws-auth mapAccounts {principal.AccountId}, username is the caller's ARN");
        return (mapping, candidate);
    }

    private static CandidateRank Rank(
        IdentityMapping mapping, AccessAttempt attempt, HashSet<string> siblingGroups)
    {
        var names = attempt.Namespace is { Length: > 0 } ns
            && (mapping.Principal is { } principal
                    && NamespaceNames.Mentions(principal.Path + principal.Name, ns)
                || mapping.Groups.Any(group => NamespaceNames.Mentions(group, ns)));
        var bound = mapping.Groups.Any(group =>
            !group.StartsWith("system:", StringComparison.Ordinal) && siblingGroups.Contains(group));
        var literal = !UsernameTemplate.HasPlaceholders(mapping.UsernameTemplate);
        return new CandidateRank(names, bound, literal, mapping.Order);
    }

    // The groups RoleBindings of other namespaces grant to: the teams' own groups.
    private static HashSet<string> GroupsBoundOutside(IReadOnlyList<Binding> bindings, string? ns)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in bindings)
        {
            if (binding.IsClusterRoleBinding
                || string.Equals(binding.Namespace, ns, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var subject in binding.Subjects)
            {
                if (subject.Kind == "Group")
                {
                    groups.Add(subject.Name);
                }
            }
        }

        return groups;
    }

    // When the error prints the groups, a mapping that would add other groups cannot be the one.
    private static List<(IdentityMapping Mapping, IdentityCandidate Candidate)>
        KeepThoseAgreeingWithErrorGroups(
            List<(IdentityMapping Mapping, IdentityCandidate Candidate)> fits, AccessAttempt attempt)
    {
        if (attempt.Groups is not { Count: > 0 } listed)
        {
            return fits;
        }

        var agreeing = fits
            .Where(fit => fit.Candidate.Groups.All(group =>
                listed.Contains(group, StringComparer.Ordinal)
                || ImplicitGroups.For(fit.Candidate.User).Contains(group)))
            .ToList();
        return agreeing.Count > 0 ? agreeing : fits;
    }

    // Groups printed in the error are what the API server saw: they win over the mapping's.
    private static IdentityCandidate WithErrorGroups(IdentityCandidate candidate, AccessAttempt attempt) =>
        attempt.Groups is { Count: > 0 } listed
            ? candidate with { Groups = ImplicitGroups.AddTo(candidate.User, listed) }
            : candidate;

    private static string GuessNote(
        string user, List<IdentityCandidate> candidates, CandidateRank best, string? ns)
    {
        var reason = best switch
        {
            { NamesNamespace: true } =>
                $"its role or groups name the namespace {IdentityText.Quote(ns ?? "")}",
            { SiblingsBindGroups: true } => "other namespaces bind its groups",
            { Literal: true } => "its username is written out, not a template",
            _ => "it is written first",
        };
        var who = user.Length == 0 ? "a caller whose username is unknown" : $"the username {IdentityText.Quote(user)}";
        return $"{candidates.Count} mappings fit {who}; "
            + $"{candidates[0].Why} was chosen because {reason}. This is a guess: "
            + "--as-role <the IAM role ARN you assumed> settles it.";
    }

    private sealed record CandidateRank(
        bool NamesNamespace, bool SiblingsBindGroups, bool Literal, int Order);
}
