namespace ChatOpsBot.Core.Chat;

/// <summary>
/// Keeps aliases for a front end's ids, both ways, so they stay the same across restarts
/// (buttons and stored requests carry them for days).
/// </summary>
public interface IChatAliasStore
{
    /// <summary>
    /// Records <paramref name="shortId"/> for (<paramref name="kind"/>, <paramref name="key"/>) unless
    /// the key has one already, and returns what is recorded. A non-null
    /// <paramref name="detail"/> replaces the stored one; null keeps it.
    /// </summary>
    /// <param name="kind">What the alias names.</param>
    /// <param name="key">The platform's id.</param>
    /// <param name="shortId">The alias to record when the key has none.</param>
    /// <param name="detail">The detail to keep, or null to keep the stored one.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The alias recorded for the key, with its detail.</returns>
    /// <exception cref="ChatAliasConflictException">The alias already names another key.</exception>
    Task<ChatAlias> RememberAsync(
        string kind, string key, string shortId, string? detail, CancellationToken cancellationToken);

    /// <summary>
    /// The record of <paramref name="shortId"/>, or null when it names nothing (blank or over-long
    /// input included: a look-up never throws for what a caller was sent).
    /// </summary>
    /// <param name="kind">What the alias names.</param>
    /// <param name="shortId">The alias.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The record, or null.</returns>
    Task<ChatAlias?> FindAsync(string kind, string shortId, CancellationToken cancellationToken);
}

/// <summary>An alias already stands for another key; nothing was changed.</summary>
public sealed class ChatAliasConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChatAliasConflictException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    /// <param name="message">The reason.</param>
    public ChatAliasConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public ChatAliasConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
