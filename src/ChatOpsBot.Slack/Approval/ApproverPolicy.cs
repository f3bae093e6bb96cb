using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Approval;

/// <summary>Who clicked, as the signed payload says: user, workspace and Enterprise Grid ids.</summary>
/// <param name="UserId">The clicking user.</param>
/// <param name="TeamIds">The team ids the payload names (team.id, user.team_id).</param>
/// <param name="EnterpriseId">The enterprise id, on Enterprise Grid.</param>
internal sealed record Clicker(string UserId, IReadOnlyList<string> TeamIds, string? EnterpriseId);

/// <summary>
/// Decides whether a click may decide a request: a configured approver (by id, or through the
/// user group, checked on every click and failing closed), from the configured workspace, and
/// never on a request of their own.
/// </summary>
internal sealed partial class ApproverPolicy
{
    private readonly ApprovalOptions _options;
    private readonly ISlackWebApi _slack;
    private readonly ILogger<ApproverPolicy> _logger;

    /// <summary>Creates the policy from the approval settings.</summary>
    /// <param name="options">Who may approve, and from which workspace.</param>
    /// <param name="slack">The Slack Web API the user group's members are read with.</param>
    /// <param name="logger">The policy's logger.</param>
    public ApproverPolicy(
        IOptions<ApprovalOptions> options,
        ISlackWebApi slack,
        ILogger<ApproverPolicy> logger)
    {
        _options = options.Value;
        _slack = slack;
        _logger = logger;
    }

    /// <summary>
    /// Null when <paramref name="clicker"/> may decide; otherwise the refusal to show them.
    /// </summary>
    /// <param name="clicker">Who clicked, as the signed payload says.</param>
    /// <param name="request">The access request to decide.</param>
    /// <param name="cancellationToken">Cancels the user group look-up.</param>
    /// <returns>The refusal text, or null when the click may decide.</returns>
    public async Task<string?> RefusalAsync(
        Clicker clicker,
        AccessRequest request,
        CancellationToken cancellationToken)
    {
        if (_options.TeamId is { Length: > 0 } team
            && !clicker.TeamIds.Contains(team, StringComparer.Ordinal)
            && !string.Equals(clicker.EnterpriseId, team, StringComparison.Ordinal))
        {
            return "Only approvers of the configured workspace can decide access requests.";
        }

        if (IsRequester(clicker.UserId, request))
        {
            return "You cannot approve or deny your own access request; another approver has to decide.";
        }

        return await IsApproverAsync(clicker.UserId, cancellationToken).ConfigureAwait(false)
            ? null
            : "Only the configured approvers can approve or deny access requests.";
    }

    private static bool IsRequester(string userId, AccessRequest request) =>
        string.Equals(userId, request.RequestedBy, StringComparison.Ordinal)
        || string.Equals(userId, request.Context.RequestedBy, StringComparison.Ordinal);

    private async Task<bool> IsApproverAsync(string userId, CancellationToken cancellationToken)
    {
        if (_options.Approvers.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        if (_options.ApproverUserGroup is not { Length: > 0 } group)
        {
            return false;
        }

        // Membership is read on every decision: someone removed from the group loses the right at once.
        try
        {
            var members = await _slack
                .GetUserGroupMembersAsync(group, cancellationToken)
                .ConfigureAwait(false);
            return members.Contains(userId, StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is SlackApiException or HttpRequestException
                                              or TimeoutException or InvalidOperationException)
        {
            LogGroupUnreadable(group, exception.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Approver user group {UserGroupId} could not be read ({ErrorType}); refusing the decision")]
    private partial void LogGroupUnreadable(string userGroupId, string errorType);
}
