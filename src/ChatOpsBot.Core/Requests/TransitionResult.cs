namespace ChatOpsBot.Core.Requests;

/// <summary>What an attempt to move an access request did.</summary>
public enum TransitionOutcome
{
    /// <summary>This call moved the request: it won.</summary>
    Applied,

    /// <summary>The request was no longer in the expected state (another call got there first).</summary>
    StateChanged,

    /// <summary>The lifecycle does not allow that move from the expected state; nothing changed.</summary>
    NotAllowed,

    /// <summary>No request has this id.</summary>
    NotFound,
}

/// <summary>The outcome of a transition, with the request as it is after the call.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Request">
/// The request now (after this call's change, or as the winner left it); null when not found.
/// </param>
public sealed record TransitionResult(TransitionOutcome Outcome, AccessRequest? Request)
{
    /// <summary>True when this call made the change; exactly one of several racing calls wins.</summary>
    public bool Won => Outcome == TransitionOutcome.Applied;
}
