namespace ChatOpsBot.Storage;

/// <summary>
/// The store's file cannot be used: not a SQLite database, damaged, written by a newer build,
/// or not reachable. The message is one line saying what to do.
/// </summary>
public sealed class RequestStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestStoreException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public RequestStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public RequestStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
