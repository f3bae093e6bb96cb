using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Identity;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Work;

/// <summary>
/// Diagnoses a pasted error and answers once, in the message's thread. Stays silent when the
/// engine finds no access error, unless the bot was mentioned.
/// </summary>
internal sealed partial class MessageDiagnosisJob
{
    private readonly DiagnosisRunner _runner;
    private readonly SlackIdentityMapper _identities;
    private readonly ISlackWebApi _slack;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly ILogger<MessageDiagnosisJob> _logger;

    public MessageDiagnosisJob(
        DiagnosisRunner runner, SlackIdentityMapper identities, ISlackWebApi slack,
        IOptionsMonitor<SlackOptions> options, ILogger<MessageDiagnosisJob> logger)
    {
        _runner = runner;
        _identities = identities;
        _slack = slack;
        _options = options;
        _logger = logger;
    }

    public async Task RunAsync(MessageDiagnosisWork work, CancellationToken cancellationToken)
    {
        var mapped = await _identities.FindHintsAsync(work.UserId, cancellationToken).ConfigureAwait(false);
        var hints = mapped ?? new IdentityHints();
        var context = new DiagnosisContext
        {
            TeamId = work.TeamId,
            ChannelId = work.Channel,
            RequestedBy = work.UserId,
            ThreadTs = work.ThreadTs,
            Hints = hints,
            Origin = DiagnosisOrigin.Message,
        };

        DiagnosisOutcome? outcome;
        try
        {
            outcome = await _runner.RunAsync(
                new DiagnosisRequest { Text = work.Text, Hints = hints }, context,
                mapped is null ? IdentityHintSource.None : IdentityHintSource.ChatMapping,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDiagnosisFailed(ex, work.Channel);
            if (work.IsMention)
            {
                var sorry = new SlackMessage("Sorry, I could not finish the diagnosis. Try again soon.");
                await _slack.PostMessageAsync(work.Channel, sorry, work.ThreadTs, cancellationToken)
                    .ConfigureAwait(false);
            }

            return;
        }

        if (outcome is null)
        {
            if (work.IsMention)
            {
                var hint = new SlackMessage(
                    "I found no Kubernetes access error in that message. Paste the whole error "
                    + "(for example the `Error from server (Forbidden)` line), or try "
                    + Mrkdwn.Code(_options.CurrentValue.CommandName + " help") + ".");
                await _slack.PostMessageAsync(work.Channel, hint, work.ThreadTs, cancellationToken)
                    .ConfigureAwait(false);
            }

            return;
        }

        await _slack.PostMessageAsync(work.Channel, outcome.Message, work.ThreadTs, cancellationToken)
            .ConfigureAwait(false);
        LogReplied(outcome.Id, work.Channel, outcome.Report.Cause.Code);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Diagnosis of a message in {Channel} failed")]
    private partial void LogDiagnosisFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Diagnosis {DiagnosisId} posted in {Channel}: {CauseCode}")]
    private partial void LogReplied(string diagnosisId, string channel, CauseCode causeCode);
}
