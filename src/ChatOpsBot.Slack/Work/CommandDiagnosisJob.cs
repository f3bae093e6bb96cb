using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Commands;
using ChatOpsBot.Slack.Identity;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Work;

/// <summary>The slow half of <c>/k8s-access</c>: diagnose, then answer on the response_url.</summary>
internal sealed partial class CommandDiagnosisJob
{
    private readonly DiagnosisRunner _runner;
    private readonly SlackIdentityMapper _identities;
    private readonly ISlackWebApi _slack;
    private readonly ILogger<CommandDiagnosisJob> _logger;

    public CommandDiagnosisJob(
        DiagnosisRunner runner, SlackIdentityMapper identities, ISlackWebApi slack,
        ILogger<CommandDiagnosisJob> logger)
    {
        _runner = runner;
        _identities = identities;
        _slack = slack;
        _logger = logger;
    }

    public async Task RunAsync(
        SlashCommand command, AccessCommand access, CancellationToken cancellationToken)
    {
        SlackMessage reply;
        try
        {
            var (hints, source) = await ChooseHintsAsync(command.UserId, access, cancellationToken)
                .ConfigureAwait(false);
            var request = new DiagnosisRequest
            {
                Attempt = access.ToAttempt(),
                Hints = hints,
                Cluster = access.Cluster,
            };
            var context = new DiagnosisContext
            {
                TeamId = command.TeamId,
                ChannelId = command.ChannelId,
                RequestedBy = command.UserId,
                Cluster = access.Cluster,
                Hints = hints,
                Origin = DiagnosisOrigin.SlashCommand,
            };
            var outcome = await _runner.RunAsync(request, context, source, cancellationToken)
                .ConfigureAwait(false);
            reply = outcome?.Message ?? new SlackMessage(
                $"I could not build a diagnosis for {AccessCommandUsage.Describe(access)}.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Tell the user rather than leave "Checking…" hanging; the token is spent, so use a short one.
            using var last = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var stopped = new SlackMessage("The check took too long and was stopped. Please try again.");
            await SendAsync(command, stopped, last.Token).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDiagnosisFailed(ex, command.UserId);
            reply = new SlackMessage("Sorry, the check failed on my side. Please try again in a minute.");
        }

        await SendAsync(command, reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IdentityHints Hints, IdentityHintSource Source)> ChooseHintsAsync(
        string userId, AccessCommand access, CancellationToken cancellationToken)
    {
        if (access.AsRole is not null)
        {
            return (new IdentityHints { RoleArn = access.AsRole }, IdentityHintSource.CommandOption);
        }

        var mapped = await _identities.FindHintsAsync(userId, cancellationToken).ConfigureAwait(false);
        return mapped is null
            ? (new IdentityHints(), IdentityHintSource.None)
            : (mapped, IdentityHintSource.ChatMapping);
    }

    private Task SendAsync(SlashCommand command, SlackMessage message, CancellationToken cancellationToken) =>
        command.ResponseUrl is { } url
            ? _slack.PostToResponseUrlAsync(url, message, replaceOriginal: false, cancellationToken)
            : _slack.PostEphemeralAsync(command.ChannelId, command.UserId, message, null, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Diagnosis for the slash command of {SlackUserId} failed")]
    private partial void LogDiagnosisFailed(Exception exception, string slackUserId);
}
