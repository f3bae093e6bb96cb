using System.Globalization;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Work;

/// <summary>
/// Someone picked another identity in the menu: re-run the stored diagnosis as that identity
/// and replace the message with the new answer.
/// </summary>
internal sealed partial class IdentityChoiceJob
{
    private readonly DiagnosisRunner _runner;
    private readonly IDiagnosisStore _store;
    private readonly ISlackWebApi _slack;
    private readonly ILogger<IdentityChoiceJob> _logger;

    public IdentityChoiceJob(
        DiagnosisRunner runner, IDiagnosisStore store, ISlackWebApi slack, ILogger<IdentityChoiceJob> logger)
    {
        _runner = runner;
        _store = store;
        _slack = slack;
        _logger = logger;
    }

    public async Task RunAsync(
        BlockActionsPayload click, string diagnosisId, string chosenValue,
        CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(diagnosisId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            await TellAsync(click, "I no longer have that diagnosis (it expired or the bot restarted). "
                                   + "Please ask again.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var hints = HintsFor(stored.Report.Identity, chosenValue);
        if (hints is null)
        {
            const string NotACandidate = "That identity is not one of this diagnosis's candidates.";
            await TellAsync(click, NotACandidate, cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = stored.Context with { Hints = hints, Origin = DiagnosisOrigin.IdentityChoice };
        var request = new DiagnosisRequest
        {
            Attempt = stored.Report.Attempt,
            Hints = hints,
            Cluster = context.Cluster,
        };
        var outcome = await _runner.RunAsync(request, context, IdentityHintSource.Chosen, cancellationToken)
            .ConfigureAwait(false);
        if (outcome is null)
        {
            const string NotRepeated = "The diagnosis could not be repeated with that identity.";
            await TellAsync(click, NotRepeated, cancellationToken).ConfigureAwait(false);
            return;
        }

        LogRerun(diagnosisId, outcome.Id, click.UserId);
        if (!click.IsEphemeral && click.ChannelId is { } channel && click.MessageTs is { } ts)
        {
            var target = new SlackMessageRef(channel, ts);
            await _slack.UpdateMessageAsync(target, outcome.Message, cancellationToken).ConfigureAwait(false);
        }
        else if (click.ResponseUrl is { } url)
        {
            await _slack.PostToResponseUrlAsync(url, outcome.Message, replaceOriginal: true, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>The hints for the chosen option, which must be one of the stored candidates.</summary>
    internal static IdentityHints? HintsFor(ResolvedIdentity identity, string value)
    {
        IdentityCandidate? candidate = null;
        if (value.StartsWith(SlackActionIds.CandidateIndexPrefix, StringComparison.Ordinal))
        {
            if (int.TryParse(value.AsSpan(SlackActionIds.CandidateIndexPrefix.Length), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var index) && index < identity.Candidates.Count)
            {
                candidate = identity.Candidates[index];
            }
        }
        else
        {
            candidate = identity.Candidates.FirstOrDefault(
                c => string.Equals(c.PrincipalArn, value, StringComparison.Ordinal));
        }

        if (candidate is null)
        {
            return null;
        }

        return candidate.PrincipalArn is { Length: > 0 } arn
            ? new IdentityHints { RoleArn = arn }
            : new IdentityHints { User = candidate.User, Groups = candidate.Groups };
    }

    private Task TellAsync(BlockActionsPayload click, string text, CancellationToken cancellationToken) =>
        SlackReplies.EphemeralAsync(_slack, click, text, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Diagnosis {DiagnosisId} re-run as another identity by {SlackUserId}: {NewDiagnosisId}")]
    private partial void LogRerun(string diagnosisId, string newDiagnosisId, string slackUserId);
}
