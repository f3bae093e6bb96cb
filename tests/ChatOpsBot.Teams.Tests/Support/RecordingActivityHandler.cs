using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Teams.Protocol;

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>Keeps every message and invoke the endpoint hands over; answers invokes as told.</summary>
internal sealed class RecordingActivityHandler : ITeamsActivityHandler
{
    public ConcurrentQueue<TeamsActivity> Messages { get; } = new();

    public ConcurrentQueue<TeamsActivity> Invokes { get; } = new();

    /// <summary>The invoke response to answer with; null for the empty acknowledgement.</summary>
    public JsonObject? InvokeAnswer { get; set; }

    /// <summary>When true, the handler reports a full work queue.</summary>
    public bool Busy { get; set; }

    public Task HandleMessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (Busy)
        {
            throw new SlackBusyException();
        }

        Messages.Enqueue(activity);
        return Task.CompletedTask;
    }

    public Task<JsonObject?> HandleInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        Invokes.Enqueue(activity);
        return Task.FromResult(InvokeAnswer?.DeepClone().AsObject());
    }
}
