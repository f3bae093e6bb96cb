using System.Net;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>The kinds of failure the live source tells apart, each with its own handling.</summary>
internal enum ApiFailureKind
{
    /// <summary>401: the bot's own credentials were refused.</summary>
    Unauthorized,

    /// <summary>403: the bot lacks a permission.</summary>
    Forbidden,

    /// <summary>404: the object (or the API) does not exist.</summary>
    NotFound,

    /// <summary>410: a list's continue token expired.</summary>
    Gone,

    /// <summary>Another answer that retrying will not change (400, 405, 422, …).</summary>
    Rejected,

    /// <summary>429 or 5xx that persisted through every retry.</summary>
    Unavailable,

    /// <summary>No answer within the time limit, through every retry.</summary>
    Timeout,

    /// <summary>No connection (refused, reset, DNS), through every retry.</summary>
    Unreachable,

    /// <summary>A success status whose body was not the Kubernetes JSON expected.</summary>
    BadResponse,
}

/// <summary>
/// One failed call to the API server, classified. Its message is ours and short; the server's
/// own message (from its Status body) is kept apart, already trimmed to one safe line.
/// </summary>
internal sealed class ApiFailureException : Exception
{
    public ApiFailureException(
        ApiFailureKind kind, HttpStatusCode? status, string? serverMessage, Exception? inner)
        : base(Describe(kind, status), inner)
    {
        Kind = kind;
        Status = status;
        ServerMessage = serverMessage;
    }

    public ApiFailureKind Kind { get; }

    public HttpStatusCode? Status { get; }

    public string? ServerMessage { get; }

    /// <summary>"403 Forbidden", or the failure kind when there was no status.</summary>
    public string StatusText => Status is { } code ? $"{(int)code} {code}" : Kind.ToString();

    private static string Describe(ApiFailureKind kind, HttpStatusCode? status) =>
        status is { } code ? $"{kind} ({(int)code})" : kind.ToString();
}
