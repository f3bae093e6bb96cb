using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>An <see cref="ISlackInboundHandler"/> that records what it was given.</summary>
public sealed class RecordingInboundHandler : ISlackInboundHandler
{
    public ConcurrentQueue<SlashCommand> Commands { get; } = new();

    public ConcurrentQueue<JsonElement> Events { get; } = new();

    public ConcurrentQueue<JsonElement> Interactions { get; } = new();

    /// <summary>The reply to slash commands (the ack payload in Socket Mode).</summary>
    public Func<SlashCommand, CancellationToken, Task<JsonObject?>> OnSlashCommand { get; set; } =
        (command, _) => Task.FromResult<JsonObject?>(new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["text"] = $"Looking into {command.Text}",
        });

    public Func<JsonElement, CancellationToken, Task<JsonObject?>> OnEvent { get; set; } =
        (_, _) => Task.FromResult<JsonObject?>(null);

    public Func<JsonElement, CancellationToken, Task<JsonObject?>> OnInteraction { get; set; } =
        (_, _) => Task.FromResult<JsonObject?>(null);

    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public int TotalCalls => Commands.Count + Events.Count + Interactions.Count;

    /// <summary>
    /// Completes once the handler has been called <paramref name="count"/> times in all. Events are
    /// acknowledged before the handler runs, so an ack alone does not prove the call happened.
    /// </summary>
    public Task WaitForCallsAsync(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (TotalCalls >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    private void Called()
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => TotalCalls >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    public Task<JsonObject?> HandleSlashCommandAsync(
        SlashCommand command, CancellationToken cancellationToken)
    {
        Commands.Enqueue(command);
        Called();
        return OnSlashCommand(command, cancellationToken);
    }

    public Task<JsonObject?> HandleEventAsync(JsonElement body, CancellationToken cancellationToken)
    {
        Events.Enqueue(body);
        Called();
        return OnEvent(body, cancellationToken);
    }

    public Task<JsonObject?> HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        Interactions.Enqueue(payload);
        Called();
        return OnInteraction(payload, cancellationToken);
    }
}
