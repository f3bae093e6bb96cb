namespace ChatOpsBot.Slack.Caching;

/// <summary>
/// A thread-safe map whose entries expire a fixed time after they were written and whose size
/// is capped: when full, the oldest entry goes first. Both limits keep memory bounded whatever
/// Slack (or an attacker with a valid signature) sends.
/// </summary>
internal sealed class TtlCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries;

    // Oldest write first; since every entry lives equally long this is also expiry order.
    private readonly LinkedList<Entry> _byAge = new();
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public TtlCache(
        int capacity, TimeSpan lifetime, TimeProvider time, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
        _entries = new Dictionary<TKey, LinkedListNode<Entry>>(comparer);
    }

    /// <summary>The number of live and not yet purged entries.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Purge(_time.GetUtcNow());
                return _entries.Count;
            }
        }
    }

    /// <summary>Adds the entry unless a live one exists for the key; true when added.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Purge(now);
            if (_entries.ContainsKey(key))
            {
                return false;
            }

            Insert(key, value, now);
            return true;
        }
    }

    /// <summary>Adds or replaces the entry, restarting its lifetime.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Purge(now);
            if (_entries.Remove(key, out var old))
            {
                _byAge.Remove(old);
            }

            Insert(key, value, now);
        }
    }

    /// <summary>Reads a live entry.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            Purge(_time.GetUtcNow());
            if (_entries.TryGetValue(key, out var node))
            {
                value = node.Value.Value;
                return true;
            }

            value = default!;
            return false;
        }
    }

    /// <summary>
    /// Replaces a live entry's value with <paramref name="update"/>'s answer, atomically and
    /// without changing its lifetime. False when there is no live entry.
    /// </summary>
    public bool TryUpdate(TKey key, Func<TValue, TValue> update, out TValue updated)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            Purge(_time.GetUtcNow());
            if (!_entries.TryGetValue(key, out var node))
            {
                updated = default!;
                return false;
            }

            updated = update(node.Value.Value);
            node.Value = node.Value with { Value = updated };
            return true;
        }
    }

    /// <summary>Removes the entry; true when there was one.</summary>
    public bool Remove(TKey key)
    {
        lock (_gate)
        {
            if (!_entries.Remove(key, out var node))
            {
                return false;
            }

            _byAge.Remove(node);
            return true;
        }
    }

    private void Insert(TKey key, TValue value, DateTimeOffset now)
    {
        while (_entries.Count >= _capacity && _byAge.First is { } oldest)
        {
            _entries.Remove(oldest.Value.Key);
            _byAge.RemoveFirst();
        }

        _entries[key] = _byAge.AddLast(new Entry(key, value, now + _lifetime));
    }

    private void Purge(DateTimeOffset now)
    {
        while (_byAge.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            _entries.Remove(oldest.Value.Key);
            _byAge.RemoveFirst();
        }
    }

    private sealed record Entry(TKey Key, TValue Value, DateTimeOffset ExpiresAt);
}
