namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Thrown by the inbound handler when the background queue is full and the request cannot be
/// taken on. The HTTP endpoints answer 503 so Slack retries the event later; a Socket Mode
/// transport should leave the envelope unacknowledged for the same effect.
/// </summary>
public sealed class SlackBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SlackBusyException()
        : base("The Slack work queue is full.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SlackBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SlackBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
