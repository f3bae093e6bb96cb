using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>What an admission controller's message says besides "no": namespace, user, object.</summary>
internal static class AdmissionText
{
    private static readonly Regex Terminating = Patterns.Linear(
        @"in namespace (?<ns>[^\s""]+) because it is being terminated");

    private static readonly Regex LimitedUser = Patterns.Linear(
        @"^[Uu]ser ""?(?<user>[^\s""]+)""? cannot (?<verb>[a-z]{1,40})\b");

    // Kyverno: "resource Pod/team-a/web-0 was blocked due to the following policies".
    private static readonly Regex BlockedResource = Patterns.Linear(
        @"\bresource (?<kind>[A-Za-z]{1,63})/((?<ns>[a-z0-9.-]+)/)?(?<name>[^\s/]+) was blocked");

    /// <summary>
    /// True when a wrapper's message holds an authorizer denial (a webhook whose own lookup
    /// was refused): that inner denial is the attempt to report, not the wrapper.
    /// </summary>
    public static bool WrapsAuthorizerDenial(string? reason) =>
        reason is not null && reason.Contains(" cannot ", StringComparison.Ordinal)
        && (reason.Contains("User \"", StringComparison.Ordinal)
            || reason.Contains("User cannot", StringComparison.Ordinal));

    /// <summary>Fills what the admission message states into <paramref name="attempt"/>.</summary>
    public static AccessAttempt Enrich(AccessAttempt attempt, string? reason)
    {
        if (reason is null)
        {
            return attempt;
        }

        var terminating = Terminating.Match(reason);
        if (terminating.Success)
        {
            attempt = attempt with { Namespace = attempt.Namespace ?? terminating.Groups["ns"].Value };
        }

        var limited = LimitedUser.Match(reason);
        if (limited.Success)
        {
            attempt = attempt with
            {
                User = attempt.User ?? limited.Groups["user"].Value,
                Verb = limited.Groups["verb"].Value,
            };
        }

        var blocked = BlockedResource.Match(reason);
        if (blocked.Success && attempt.Resource is null)
        {
            var known = KnownResources.Find(blocked.Groups["kind"].Value);
            attempt = attempt with
            {
                Resource = KnownResources.PluralOf(blocked.Groups["kind"].Value),
                ApiGroup = known?.Group,
                Namespace = blocked.Groups["ns"].Success ? blocked.Groups["ns"].Value : attempt.Namespace,
                Name = blocked.Groups["name"].Value,
            };
        }

        return attempt;
    }
}
