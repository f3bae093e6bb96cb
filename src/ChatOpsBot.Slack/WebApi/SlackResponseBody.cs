namespace ChatOpsBot.Slack.WebApi;

/// <summary>Reads a response body into memory, refusing bodies above a size limit.</summary>
internal static class SlackResponseBody
{
    /// <summary>
    /// Buffers and returns the body. Buffering lets the retry predicate and the client both read
    /// it. Throws <see cref="HttpRequestException"/> when the body exceeds
    /// <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<byte[]> ReadAsync(
        HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new HttpRequestException(
                $"Slack answered with a body larger than the {maxBytes}-byte limit.");
        }

        await response.Content.LoadIntoBufferAsync(maxBytes, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and parses the body; null when it is missing, too big or not Slack's.</summary>
    public static async Task<SlackApiResult?> TryParseAsync(
        HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var body = await ReadAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
            return SlackApiResult.TryParse(body);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
