using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Approval;

/// <summary>
/// The approvers' message: who asks, for which identity and namespace, the diagnosis, the fix
/// YAML, the pull request, and Approve / Deny buttons (each behind a confirmation dialog, each
/// carrying only the request id). Once decided, the same message without buttons and with the
/// outcome. Everything untrusted is escaped and every Block Kit limit is kept.
/// </summary>
public static class ApprovalMessageBuilder
{
    /// <summary>The message asking the approvers to decide.</summary>
    /// <param name="request">The access request to decide.</param>
    /// <param name="diagnosisSummary">The diagnosis' one-line cause, when known.</param>
    /// <returns>The Block Kit message with Approve and Deny buttons.</returns>
    public static SlackMessage Pending(AccessRequest request, string? diagnosisSummary)
    {
        ArgumentNullException.ThrowIfNull(request);

        var blocks = Body(request, diagnosisSummary);
        blocks.Add(BlockKit.Actions(
            SlackActionIds.DecisionBlockPrefix + request.Id,
            WithConfirm(
                BlockKit.Button(SlackActionIds.Approve, "Approve", request.Id, "primary"),
                "Approve this access?",
                "Approving merges the pull request into the RBAC repository.",
                "Approve",
                "primary"),
            WithConfirm(
                BlockKit.Button(SlackActionIds.Deny, "Deny", request.Id, "danger"),
                "Deny this access?",
                "Denying closes the pull request; the requester is told.",
                "Deny",
                "danger")));
        return Finish(request, blocks, "waits for an approver");
    }

    /// <summary>
    /// The message after the decision: no buttons, and <paramref name="outcome"/> (mrkdwn).
    /// </summary>
    /// <param name="request">The decided access request.</param>
    /// <param name="diagnosisSummary">The diagnosis' one-line cause, when known.</param>
    /// <param name="outcome">The mrkdwn line saying what was decided and what happened.</param>
    /// <returns>The Block Kit message without buttons.</returns>
    public static SlackMessage Decided(AccessRequest request, string? diagnosisSummary, string outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);

        var blocks = Body(request, diagnosisSummary);
        blocks.Add(BlockKit.Section(outcome));
        return Finish(request, blocks, "decided");
    }

    /// <summary>A Slack link to the pull request, safe for mrkdwn.</summary>
    /// <param name="pullRequest">The pull request to link to.</param>
    /// <returns>The mrkdwn link.</returns>
    public static string PullRequestLink(PullRequestInfo pullRequest)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        var url = Mrkdwn.Escape(pullRequest.Url.Replace("|", "%7C", StringComparison.Ordinal));
        return $"<{url}|pull request #{pullRequest.Number}>";
    }

    /// <summary>A user mention when the id looks like Slack's, else inert code.</summary>
    /// <param name="userId">The Slack user id to mention.</param>
    /// <returns>The mrkdwn mention or code span.</returns>
    public static string Mention(string userId) =>
        ApprovalOptions.IsSlackId(userId) ? $"<@{userId}>" : Mrkdwn.Code(userId, 40);

    private static List<JsonObject> Body(AccessRequest request, string? diagnosisSummary)
    {
        var who = new StringBuilder()
            .Append("*Requested by* ").Append(Mention(request.RequestedBy))
            .Append("\n*Identity* ").Append(Mrkdwn.Code(request.Identity.User, 300));
        var groups = request.Identity.Groups
            .Where(g => !g.StartsWith("system:", StringComparison.Ordinal))
            .ToList();
        if (groups.Count > 0)
        {
            var shown = groups
                .Take(10)
                .Select(g => Mrkdwn.Code(g, 100));
            who.Append(" · groups ").Append(string.Join(", ", shown));
        }

        who.Append("\n*Namespace* ")
            .Append(request.Namespace is { Length: > 0 } ns ? Mrkdwn.Code(ns, 100) : "_cluster-wide_");
        if (request.Cluster is { Length: > 0 } cluster)
        {
            who.Append(" · *cluster* ").Append(Mrkdwn.Code(cluster, 100));
        }

        who.Append('\n').Append(DiagnosisMessageBuilder.DescribeAttempt(request.Attempt));

        var blocks = new List<JsonObject>
        {
            BlockKit.Header("🔐 Access request"),
            BlockKit.Section(who.ToString()),
        };
        if (diagnosisSummary is { Length: > 0 } summary)
        {
            blocks.Add(BlockKit.Section($"*Diagnosis:* {Mrkdwn.Line(summary, 2500)}"));
        }

        blocks.Add(BlockKit.Section($"*Change:* {Mrkdwn.Line(request.Fix.Summary, 2000)}"));
        var yaml = Mrkdwn.CodeBlock(request.Fix.Yaml, BlockKitLimits.MaxSectionText, out var omitted);
        blocks.Add(BlockKit.Section(yaml));
        if (omitted > 0)
        {
            blocks.Add(BlockKit.Context($"✂️ _{omitted} more lines of YAML are in the pull request._"));
        }

        if (request.PullRequest is { } pullRequest)
        {
            blocks.Add(BlockKit.Section($"*Pull request:* {PullRequestLink(pullRequest)}"));
        }

        return blocks;
    }

    private static SlackMessage Finish(AccessRequest request, List<JsonObject> blocks, string state)
    {
        var target = request.Fix.Namespace is { Length: > 0 } ns
            ? $"{ns}/{request.Fix.Name}"
            : request.Fix.Name;
        var fallback = Mrkdwn.Line(
            $"Access request for {request.Fix.Kind} {target} {state}",
            BlockKitLimits.MaxFallbackText);

        var kept = blocks
            .Take(BlockKitLimits.MaxBlocks)
            .Cast<JsonNode?>()
            .ToArray();
        return new SlackMessage(fallback, new JsonArray(kept));
    }

    // Slack's confirm object limits: title 100, text 300, confirm and deny 30 characters.
    private static JsonObject WithConfirm(
        JsonObject button,
        string title,
        string text,
        string confirm,
        string style)
    {
        button["confirm"] = new JsonObject
        {
            ["title"] = BlockKit.PlainText(title, 100),
            ["text"] = BlockKit.PlainText(text, 300),
            ["confirm"] = BlockKit.PlainText(confirm, 30),
            ["deny"] = BlockKit.PlainText("Cancel", 30),
            ["style"] = style,
        };
        return button;
    }
}
