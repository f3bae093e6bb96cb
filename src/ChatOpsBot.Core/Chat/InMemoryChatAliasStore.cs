namespace ChatOpsBot.Core.Chat;

/// <summary>
/// Aliases kept in memory (tests, and hosts without a durable store). Bounded: beyond
/// <see cref="Capacity"/> the oldest records are forgotten, so a flood of ids cannot exhaust
/// memory; a forgotten alias then names nothing.
/// </summary>
public sealed class InMemoryChatAliasStore : IChatAliasStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Alias), ChatAlias> _byAlias = [];
    private readonly Dictionary<(string Kind, string Key), string> _byKey = [];
    private readonly Queue<(string Kind, string Alias)> _order = new();

    /// <summary>Creates the store.</summary>
    /// <param name="capacity">The most records kept.</param>
    public InMemoryChatAliasStore(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most records kept.</summary>
    public int Capacity { get; }

    /// <inheritdoc />
    public Task<ChatAlias> RememberAsync(
        string kind, string key, string shortId, string? detail, CancellationToken cancellationToken)
    {
        ChatAliasLimits.Check(kind, shortId, key, detail);
        lock (_gate)
        {
            if (_byKey.TryGetValue((kind, key), out var existing))
            {
                var known = _byAlias[(kind, existing)];
                if (detail is not null && detail != known.Detail)
                {
                    known = known with { Detail = detail };
                    _byAlias[(kind, existing)] = known;
                }

                return Task.FromResult(known);
            }

            if (_byAlias.ContainsKey((kind, shortId)))
            {
                throw new ChatAliasConflictException($"The {kind} alias {shortId} already names another id.");
            }

            var added = new ChatAlias(kind, shortId, key, detail);
            _byAlias[(kind, shortId)] = added;
            _byKey[(kind, key)] = shortId;
            _order.Enqueue((kind, shortId));
            while (_order.Count > Capacity)
            {
                var oldest = _order.Dequeue();
                if (_byAlias.Remove(oldest, out var gone))
                {
                    _byKey.Remove((gone.Kind, gone.Key));
                }
            }

            return Task.FromResult(added);
        }
    }

    /// <inheritdoc />
    public Task<ChatAlias?> FindAsync(string kind, string shortId, CancellationToken cancellationToken)
    {
        if (!ChatAliasLimits.CanExist(kind, shortId))
        {
            return Task.FromResult<ChatAlias?>(null);
        }

        lock (_gate)
        {
            return Task.FromResult(_byAlias.GetValueOrDefault((kind, shortId)));
        }
    }
}
