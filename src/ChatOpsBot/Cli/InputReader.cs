using System.Text;

namespace ChatOpsBot.Cli;

/// <summary>
/// Reads the pasted text from the argument or standard input, refusing what cannot be a
/// paste: nothing, binary data, or more than <see cref="MaxBytes"/>.
/// </summary>
internal static class InputReader
{
    /// <summary>
    /// The largest input accepted: far more than any chat paste, far less than a log dump.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The text of <paramref name="argument"/>, or of standard input when it is null.
    /// </summary>
    /// <exception cref="UsageException">
    /// The input is empty, binary, not UTF-8, or too large.
    /// </exception>
    public static async Task<string> ReadAsync(
        string? argument, Stream standardInput, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (argument is not null)
        {
            bytes = Encoding.UTF8.GetBytes(argument);
        }
        else
        {
            bytes = await ReadCappedAsync(standardInput, cancellationToken).ConfigureAwait(false);
        }

        if (bytes.Length > MaxBytes)
        {
            throw new UsageException(
                $"input is larger than {MaxBytes / 1024 / 1024} MB: " +
                "paste only the error, not the whole log");
        }

        if (bytes.AsSpan().IndexOf((byte)0) >= 0)
        {
            throw new UsageException("input is binary data, not text");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException("input is not UTF-8 text");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException(
                "input is empty: give the error text as an argument or on standard input");
        }

        return text;
    }

    private static async Task<byte[]> ReadCappedAsync(
        Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                // Stop reading: the answer is already known, and the rest may be endless.
                break;
            }
        }

        return buffer.ToArray();
    }
}
