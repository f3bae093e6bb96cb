using System.Collections.Concurrent;
using ChatOpsBot.Teams.Protocol;

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>Keeps every message the endpoint hands over.</summary>
internal sealed class RecordingActivityHandler : ITeamsActivityHandler
{
    public ConcurrentQueue<TeamsActivity> Messages { get; } = new();

    public Task HandleMessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        Messages.Enqueue(activity);
        return Task.CompletedTask;
    }
}
