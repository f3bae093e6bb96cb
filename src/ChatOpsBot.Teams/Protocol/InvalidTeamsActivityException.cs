namespace ChatOpsBot.Teams.Protocol;

/// <summary>The request body is not a usable activity; the message says why (never the body).</summary>
public sealed class InvalidTeamsActivityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidTeamsActivityException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public InvalidTeamsActivityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public InvalidTeamsActivityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
