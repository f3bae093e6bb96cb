using System.Threading.Channels;
using ChatOpsBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Work;

/// <summary>
/// The bounded queue between the fast acknowledgement and the slow work. When it is full,
/// new work is refused at once (the caller tells the user or lets Slack retry) instead of
/// letting requests pile up in memory.
/// </summary>
public sealed class SlackWorkBacklog
{
    private readonly Channel<SlackWorkItem> _channel;
    private volatile bool _closed;

    /// <summary>Creates the queue with <see cref="SlackOptions.QueueCapacity"/> places.</summary>
    public SlackWorkBacklog(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<SlackWorkItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Queues the work; false when the queue is full or closed.</summary>
    public bool TryEnqueue(SlackWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _channel.Writer.TryWrite(item);
    }

    /// <summary>
    /// Takes no more work (the server is stopping); what is queued already is still handed out.
    /// </summary>
    public void Close()
    {
        _closed = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>True once <see cref="Close"/> was called: new work is refused for good.</summary>
    public bool IsClosed => _closed;

    /// <summary>The number of waiting items.</summary>
    public int Count => _channel.Reader.Count;

    internal ChannelReader<SlackWorkItem> Reader => _channel.Reader;
}
