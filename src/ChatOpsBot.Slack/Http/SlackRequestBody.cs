using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Slack.Http;

/// <summary>
/// Reads a request body into memory exactly once, up to a size cap, before anything parses it:
/// the signature covers these bytes, and a body over the cap is refused unread.
/// </summary>
internal static class SlackRequestBody
{
    public enum Outcome
    {
        Read,
        TooLarge,
        Aborted,
    }

    public static async Task<(Outcome Outcome, byte[] Body)> ReadAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (Outcome.TooLarge, []);
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (Outcome.Read, buffer.WrittenSpan.ToArray());
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return (Outcome.TooLarge, []);
                }
            }
        }
        catch (BadHttpRequestException)
        {
            return (Outcome.Aborted, []);
        }
        catch (IOException)
        {
            return (Outcome.Aborted, []);
        }
    }
}
