namespace ChatOpsBot.Teams.Connector;

/// <summary>An outbound Bot Connector or token call failed; the message names the step and status.</summary>
public sealed class BotConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BotConnectorException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public BotConnectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public BotConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
