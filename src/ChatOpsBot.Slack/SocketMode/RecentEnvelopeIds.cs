namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// The envelope ids seen lately, bounded in size. Slack redelivers an envelope whose ack got
/// lost, possibly on another socket; the redelivery is acknowledged again but not handled twice.
/// </summary>
internal sealed class RecentEnvelopeIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    /// <summary>Records <paramref name="envelopeId"/>; false when it was already recorded.</summary>
    public bool TryAdd(string envelopeId)
    {
        lock (_gate)
        {
            if (!_ids.Add(envelopeId))
            {
                return false;
            }

            _order.Enqueue(envelopeId);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>
    /// Forgets <paramref name="envelopeId"/>, so its redelivery is handled: for an envelope left
    /// unacknowledged on purpose. It stays in the order queue and is trimmed from there later.
    /// </summary>
    public void Forget(string envelopeId)
    {
        lock (_gate)
        {
            _ids.Remove(envelopeId);
        }
    }
}
