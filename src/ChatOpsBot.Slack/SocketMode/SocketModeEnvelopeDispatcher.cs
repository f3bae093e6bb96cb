using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Hands an envelope to <see cref="ISlackInboundHandler"/> (the same handler the HTTP endpoints
/// use) and acknowledges it once the handler has taken it (it only queues the work), or at the ack
/// deadline; a reply rides on the ack of the envelopes that accept one. An envelope the handler
/// refuses as busy is not acknowledged, so that Slack delivers it again.
/// </summary>
internal sealed class SocketModeEnvelopeDispatcher(
    IServiceScopeFactory scopes, SocketModeOptions options, TimeProvider time, ILogger logger)
{
    private readonly RecentEnvelopeIds _seen = new(4096);

    /// <summary>
    /// Handles one envelope. <paramref name="acknowledge"/> sends the ack text frame; it is
    /// called exactly once, whatever the handler does.
    /// </summary>
    public async Task DispatchAsync(
        SocketModeFrame envelope, Func<string, Task> acknowledge, CancellationToken cancellationToken)
    {
        var envelopeId = envelope.EnvelopeId!;

        if (!_seen.TryAdd(envelopeId))
        {
            SocketModeLog.Duplicate(logger, envelopeId);
            await AcknowledgeAsync(envelope, null, acknowledge).ConfigureAwait(false);
            return;
        }

        // Every kind waits for the handler, which only queues the work: a busy refusal must
        // leave the envelope unacknowledged so that Slack delivers it again, not lose it.
        var handling = InvokeHandlerAsync(envelope, cancellationToken);
        HandlerOutcome? outcome = null;
        try
        {
            outcome = await handling.WaitAsync(options.AckDeadline, time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Slack would retry an unacknowledged envelope; an ack without the reply is better.
            SocketModeLog.HandlerTooSlow(logger, envelopeId);
        }

        if (outcome is { Busy: true })
        {
            _seen.Forget(envelopeId);
            SocketModeLog.LeftForRedelivery(logger, envelopeId, envelope.Type);
            return;
        }

        var reply = envelope.AcceptsResponsePayload ? outcome?.Reply : null;
        await AcknowledgeAsync(envelope, reply, acknowledge).ConfigureAwait(false);
        await handling.ConfigureAwait(false);
    }

    private async Task AcknowledgeAsync(
        SocketModeFrame envelope, JsonObject? reply, Func<string, Task> acknowledge)
    {
        var ack = new JsonObject { ["envelope_id"] = envelope.EnvelopeId };
        if (reply is not null)
        {
            ack["payload"] = reply.DeepClone();
        }

        try
        {
            await acknowledge(ack.ToJsonString()).ConfigureAwait(false);
            SocketModeLog.Acknowledged(logger, envelope.EnvelopeId!, envelope.Type, reply is not null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The socket is going away; Slack redelivers the envelope on another one.
            SocketModeLog.AckFailed(logger, envelope.EnvelopeId!, ex);
        }
    }

    // Never throws: a failing handler must not take the socket down with it.
    private async Task<HandlerOutcome> InvokeHandlerAsync(
        SocketModeFrame envelope, CancellationToken cancellationToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var handler = scope.ServiceProvider.GetRequiredService<ISlackInboundHandler>();
                var reply = await InvokeAsync(handler, envelope, cancellationToken).ConfigureAwait(false);
                return new HandlerOutcome(reply, Busy: false);
            }
        }
        catch (SlackBusyException)
        {
            return new HandlerOutcome(null, Busy: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new HandlerOutcome(null, Busy: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SocketModeLog.HandlerFailed(logger, envelope.EnvelopeId!, envelope.Type, ex);
            return new HandlerOutcome(null, Busy: false);
        }
    }

    private sealed record HandlerOutcome(JsonObject? Reply, bool Busy);

    private async Task<JsonObject?> InvokeAsync(
        ISlackInboundHandler handler, SocketModeFrame envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is not { } payload)
        {
            SocketModeLog.Unhandled(logger, envelope.EnvelopeId!, envelope.Type);
            return null;
        }

        switch (envelope.Type)
        {
            case SocketModeFrame.SlashCommands when SocketModeSlashCommand.TryRead(payload) is { } command:
                return await handler.HandleSlashCommandAsync(command, cancellationToken)
                    .ConfigureAwait(false);

            case SocketModeFrame.EventsApi:
                return await handler.HandleEventAsync(payload, cancellationToken).ConfigureAwait(false);

            case SocketModeFrame.Interactive:
                return await handler.HandleInteractionAsync(payload, cancellationToken).ConfigureAwait(false);

            default:
                SocketModeLog.Unhandled(logger, envelope.EnvelopeId!, envelope.Type);
                return null;
        }
    }
}
