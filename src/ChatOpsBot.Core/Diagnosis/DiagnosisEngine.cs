using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>
/// Explains one access attempt against one cluster: runs the checks, names the cause, and
/// proposes a fix verified with the evaluator. Pure: everything it needs is in its input.
/// </summary>
public static class DiagnosisEngine
{
    /// <summary>Diagnoses the attempt.</summary>
    public static DiagnosisReport Diagnose(DiagnosisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var checks = new List<Check> { AttemptCheck(input) };
        checks.AddRange(BotPermissionChecks(input));
        if (input.Attempt.Kind != AttemptKind.Unauthorized)
        {
            checks.Add(IdentityCheck(input.Identity));
        }

        return input.Attempt.Kind switch
        {
            AttemptKind.AdmissionDenial => NotRbac(input, checks),
            AttemptKind.Unauthorized => IdentityNotMapped(input, checks),
            AttemptKind.NotAnAccessError => Report(input, checks, false, CauseCode.Unknown,
                "The text holds no Kubernetes access error."),
            _ => DiagnoseRbac(input, checks),
        };
    }

    private static DiagnosisReport DiagnoseRbac(DiagnosisInput input, List<Check> checks)
    {
        if (input.Requests.Count == 0)
        {
            return Report(input, checks, false, CauseCode.Unknown,
                "The error does not say clearly which verb, resource and namespace were refused, " +
                "so there is nothing to check.");
        }

        var user = new UserInfo(input.Identity.User, input.Identity.Groups);
        var answers = Authorization.Answer(input, user);
        var allowed = answers.All(answer => answer.Allowed);
        checks.Add(Authorization.Check(answers, input.Identity));

        var scope = ClusterChecks.Namespace(input, checks);
        if (scope == ClusterChecks.NamespaceState.Missing)
        {
            return Report(input, checks, allowed, CauseCode.NamespaceNotFound,
                $"Namespace {input.Requests[0].Namespace} does not exist in this cluster: " +
                "check the name, or the cluster your kubectl context points at.");
        }

        ClusterChecks.Pod(input, checks);
        if (allowed)
        {
            return Report(input, checks, true, CauseCode.AlreadyAllowed,
                $"The cluster already allows {input.Identity.User} to {Words(input)}: " +
                "the failing command likely ran with another kubeconfig context or IAM role.");
        }

        // The role the caller named (--as-role) is mapped nowhere: binding the session's
        // username would grant whoever picks that session name, so fix the mapping instead.
        if (input.Identity.IsUnmapped && input.Identity.Chosen.PrincipalArn is not null)
        {
            return IdentityNotMapped(input, checks);
        }

        return RbacCauses.Explain(input, user, answers, checks);
    }

    private static DiagnosisReport NotRbac(DiagnosisInput input, List<Check> checks)
    {
        var reason = input.Attempt.Reason ?? "the message";
        checks.Add(new Check(CheckNames.DecisionLayer, CheckStatus.Fail,
            $"An admission controller or policy refused the request, not RBAC: {reason}"));
        var allowed = Authorization.AllowedIfKnown(input);

        return Report(input, checks, allowed, CauseCode.NotRbac,
            "This is not an RBAC problem: an admission webhook or policy rejected the object " +
            "itself, so change the object (or ask the policy's owners), not the permissions.");
    }

    private static DiagnosisReport IdentityNotMapped(DiagnosisInput input, List<Check> checks)
    {
        var fix = FixProposals.MapIdentity(input);
        var notes = input.Identity.Notes.Count == 0
            ? ""
            : " " + string.Join(" ", input.Identity.Notes);
        if (input.Attempt.Kind == AttemptKind.Unauthorized)
        {
            checks.Add(new Check(CheckNames.Identity, CheckStatus.Fail,
                "The API server did not accept the credentials (401): the IAM principal is not " +
                "mapped to a Kubernetes identity, or the token expired." + notes));
            return Report(input, checks, false, CauseCode.IdentityNotMapped,
                "Kubernetes does not know who you are (401 Unauthorized, not 403): the IAM role is " +
                "missing from aws-auth or the EKS access entries, or the login token expired.",
                fix);
        }

        checks.Add(new Check(CheckNames.Identity, CheckStatus.Fail,
            "The IAM role given is mapped to no Kubernetes identity." + notes));
        return Report(input, checks, false, CauseCode.IdentityNotMapped,
            $"The IAM role {input.Identity.Chosen.PrincipalArn} is not mapped in aws-auth or the EKS " +
            "access entries: map it with the team's groups (or check which role your kubeconfig " +
            "really uses).",
            fix);
    }

    internal static DiagnosisReport Report(
        DiagnosisInput input,
        List<Check> checks,
        bool allowed,
        CauseCode code,
        string summary,
        ProposedFix? fix = null) =>
        new()
        {
            Attempt = input.Attempt,
            Identity = input.Identity,
            Allowed = allowed,
            Cause = new Cause(code, summary),
            Checks = checks,
            Fix = fix,
        };

    internal static string Words(DiagnosisInput input) =>
        $"{RequestPlanner.Describe(input.Requests[0])} " +
        $"{RequestPlanner.DescribeScope(input.Requests[0])}";

    // What the bot itself could not read is reported once, however many requests hit it.
    private static IEnumerable<Check> BotPermissionChecks(DiagnosisInput input) =>
        input.State.ReadProblems
            .Concat(input.ServerReviews.Select(review => review?.Problem).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Select(problem => new Check(CheckNames.BotPermissions, CheckStatus.Warn, problem));

    private static Check AttemptCheck(DiagnosisInput input)
    {
        var attempt = input.Attempt;
        if (input.Requests.Count == 0)
        {
            return new Check(CheckNames.Attempt, CheckStatus.Skip,
                $"The message is of kind {attempt.Kind.ToWireName()} " +
                "and names no verb and resource.");
        }

        var verbs = string.Join(" and ", input.Requests.Select(request => request.Verb).Distinct());
        var target = attempt.Name is null ? "" : $" ({attempt.Name})";
        var detail = $"{RequestPlanner.Describe(input.Requests[0])} " +
            $"{RequestPlanner.DescribeScope(input.Requests[0])}{target}";
        if (input.Requests.Count > 1)
        {
            detail += $"; kubectl needs {verbs} on it " +
                "(WebSocket clients use get, older ones and Kubernetes 1.35+ need create)";
        }

        return new Check(CheckNames.Attempt, CheckStatus.Pass, detail);
    }

    private static Check IdentityCheck(ResolvedIdentity identity)
    {
        if (identity.User.Length == 0)
        {
            return new Check(CheckNames.Identity, CheckStatus.Skip,
                "The message names no user; pass --as-user or --as-role to say who it was.");
        }

        var groups = identity.Groups.Count == 0
            ? "no groups"
            : "groups " + string.Join(", ", identity.Groups);
        var detail = $"{identity.User} with {groups} ({identity.Chosen.Why})";
        if (identity.IsGuess)
        {
            detail += $"; a guess among {identity.Candidates.Count} mappings that fit: " +
                "pass --as-role to choose";
        }

        var status = identity.IsGuess || identity.IsUnmapped ? CheckStatus.Warn : CheckStatus.Pass;
        return new Check(CheckNames.Identity, status, detail);
    }
}
