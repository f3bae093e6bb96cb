namespace ChatOpsBot.Slack.Http;

/// <summary>The outcome of checking a Slack request signature.</summary>
public enum SlackSignatureResult
{
    /// <summary>The signature matches and the timestamp is fresh.</summary>
    Valid,

    /// <summary>No signing secret is configured, so nothing can be trusted.</summary>
    NoSigningSecret,

    /// <summary>The timestamp or signature header is missing or empty.</summary>
    MissingHeaders,

    /// <summary>The timestamp is not a plain number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp is more than five minutes away from now: a possible replay.</summary>
    StaleTimestamp,

    /// <summary>The signature does not start with a known version (<c>v0=</c>).</summary>
    UnknownVersion,

    /// <summary>The signature is not 64 hexadecimal digits.</summary>
    MalformedSignature,

    /// <summary>The signature does not match the body.</summary>
    Mismatch,
}
