namespace ChatOpsBot.GitOps.Repository;

/// <summary>The RBAC repository could not be reached or refused the call, after retries.</summary>
public sealed class RbacRepositoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RbacRepositoryException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public RbacRepositoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public RbacRepositoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
