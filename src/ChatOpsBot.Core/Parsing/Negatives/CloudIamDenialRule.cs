using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Negatives;

/// <summary>
/// Cloud IAM refusals that never reached Kubernetes: AWS <c>AccessDenied… User: arn:… is not
/// authorized to perform: eks:DescribeCluster</c> and Azure Resource Manager's <c>The client
/// '…' … does not have authorization to perform action '…'</c>. The fix is a cloud IAM
/// policy, not RBAC, so these read as <see cref="AttemptKind.NotAnAccessError"/> with the
/// principal and action they name.
/// </summary>
internal sealed class CloudIamDenialRule : IAttemptRule
{
    private static readonly Regex Aws = Patterns.Linear(
        @"(An error occurred \((?<code>[A-Za-z]{1,64})\) when calling the (?<op>[A-Za-z]{1,64}) operation: )?"
        + @"User: (?<user>arn:[^\s]+) is not authorized to perform: (?<action>[A-Za-z0-9:*-]+)");

    private static readonly Regex Azure = Patterns.Linear(
        @"The client '(?<user>[^'\n]+)'( with object id '[^'\n]+')? does not have authorization to perform "
        + @"action '(?<action>[^'\n]+)'");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.MatchesWith(Aws, "is not authorized to perform"))
        {
            var code = match.Groups["code"].Success ? $" ({match.Groups["code"].Value})" : "";
            yield return Denial(match, $"AWS IAM denial{code}: not a Kubernetes API decision");
        }

        foreach (Match match in text.MatchesWith(Azure, "does not have authorization"))
        {
            yield return Denial(match, "Azure Resource Manager denial: not a Kubernetes API decision");
        }
    }

    /// <summary>The cloud principal denied anywhere in the text, if any.</summary>
    public static string? DeniedPrincipal(string text)
    {
        var aws = Aws.Match(text);
        if (aws.Success)
        {
            return aws.Groups["user"].Value;
        }

        var azure = Azure.Match(text);
        return azure.Success ? azure.Groups["user"].Value : null;
    }

    private static Candidate Denial(Match match, string reason) => new(
        match.Index,
        match.Index + match.Length,
        new AccessAttempt
        {
            Kind = AttemptKind.NotAnAccessError,
            User = match.Groups["user"].Value,
            Verb = match.Groups["action"].Value,
            Reason = reason,
        });
}
