namespace ChatOpsBot.Core.Identity;

/// <summary>The access-entry JSON cannot be read; the message says why in one sentence.</summary>
public sealed class AccessEntryFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public AccessEntryFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">One sentence.</param>
    public AccessEntryFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">One sentence.</param>
    /// <param name="innerException">The cause.</param>
    public AccessEntryFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
