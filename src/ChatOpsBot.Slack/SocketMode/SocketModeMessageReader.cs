using System.Buffers;
using System.Net.WebSockets;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>What one read from the socket produced.</summary>
internal enum SocketModeReadKind
{
    /// <summary>A complete text message.</summary>
    Text,

    /// <summary>A complete message that was skipped: binary, or over the size limit.</summary>
    Skipped,

    /// <summary>The peer started the close handshake.</summary>
    Close,
}

/// <summary>
/// Reassembles whole messages from WebSocket frames: Slack may split one JSON message over many
/// frames. Messages over the limit are read to their end and dropped, so the stream stays in step.
/// </summary>
internal sealed class SocketModeMessageReader(WebSocket socket, int maxMessageBytes)
{
    private readonly byte[] _chunk = new byte[16 * 1024];
    private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);

    /// <summary>
    /// The bytes of the last <see cref="SocketModeReadKind.Text"/> message, valid until the next read.
    /// </summary>
    public ReadOnlyMemory<byte> Text => _message.WrittenMemory;

    /// <summary>True when the last skipped message was skipped for its size.</summary>
    public bool LastSkipWasTooLarge { get; private set; }

    /// <summary>Reads frames until a message is complete or the peer closes.</summary>
    public async Task<SocketModeReadKind> ReadAsync(CancellationToken cancellationToken)
    {
        _message.ResetWrittenCount();
        LastSkipWasTooLarge = false;

        while (true)
        {
            var result = await socket.ReceiveAsync(_chunk.AsMemory(), cancellationToken)
                .ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return SocketModeReadKind.Close;
            }

            if (!LastSkipWasTooLarge)
            {
                if (_message.WrittenCount + result.Count > maxMessageBytes)
                {
                    LastSkipWasTooLarge = true;
                    _message.ResetWrittenCount();
                }
                else
                {
                    _message.Write(_chunk.AsSpan(0, result.Count));
                }
            }

            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text && !LastSkipWasTooLarge
                    ? SocketModeReadKind.Text
                    : SocketModeReadKind.Skipped;
            }
        }
    }
}
