using System.Collections.Concurrent;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>One recorded Web API call.</summary>
internal sealed record SlackCall(
    string Method, string? Channel, string? User, string? ThreadTs, SlackMessage? Message, Uri? ResponseUrl,
    bool ReplaceOriginal, SlackMessageRef? Target);

/// <summary>
/// A recording <see cref="ISlackWebApi"/>: every call is kept in order, and tests await a
/// number of calls with a bounded wait signalled by the calls themselves (no sleeps).
/// </summary>
internal sealed class FakeSlackWebApi : ISlackWebApi
{
    private readonly Lock _gate = new();
    private readonly List<SlackCall> _calls = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _nextTs = 1;

    /// <summary>Members per user group; a group missing here fails with <see cref="GroupError"/>.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<string>> UserGroups { get; } = new();

    public string GroupError { get; set; } = "no_such_subteam";

    public int UserGroupLookups;

    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Waits for at least <paramref name="count"/> calls; fails after the timeout.</summary>
    public async Task<IReadOnlyList<SlackCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_calls.Count >= count)
            {
                return _calls.ToList();
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        return Calls;
    }

    public Task<SlackMessageRef> PostMessageAsync(
        string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        var ts = $"1700000000.{Interlocked.Increment(ref _nextTs):D6}";
        Record(new SlackCall("chat.postMessage", channel, null, threadTs, message, null, false, null));
        return Task.FromResult(new SlackMessageRef(channel, ts));
    }

    public Task PostEphemeralAsync(
        string channel, string user, SlackMessage message, string? threadTs,
        CancellationToken cancellationToken)
    {
        Record(new SlackCall("chat.postEphemeral", channel, user, threadTs, message, null, false, null));
        return Task.CompletedTask;
    }

    public Task UpdateMessageAsync(
        SlackMessageRef target, SlackMessage message, CancellationToken cancellationToken)
    {
        Record(new SlackCall("chat.update", target.Channel, null, null, message, null, false, target));
        return Task.CompletedTask;
    }

    public Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(new SlackUser(userId, "user-" + userId, false, null));

    public Task<IReadOnlyList<string>> GetUserGroupMembersAsync(
        string userGroupId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref UserGroupLookups);
        return UserGroups.TryGetValue(userGroupId, out var members)
            ? Task.FromResult(members)
            : Task.FromException<IReadOnlyList<string>>(
                new SlackApiException("usergroups.users.list", GroupError));
    }

    public Task PostToResponseUrlAsync(
        Uri responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken cancellationToken)
    {
        Record(new SlackCall("response_url", null, null, null, message, responseUrl, replaceOriginal, null));
        return Task.CompletedTask;
    }

    private void Record(SlackCall call)
    {
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            _calls.Add(call);
            ready = _waiters.Where(w => _calls.Count >= w.Count).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => _calls.Count >= w.Count);
        }

        ready.ForEach(s => s.TrySetResult());
    }
}
