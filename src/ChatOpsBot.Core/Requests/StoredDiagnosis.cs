using ChatOpsBot.Core.Diagnosis;

namespace ChatOpsBot.Core.Requests;

/// <summary>A diagnosis as the store keeps it, under its opaque id.</summary>
/// <param name="Id">The opaque id used as the button value.</param>
/// <param name="Report">The diagnosis.</param>
/// <param name="Context">Where and for whom it ran.</param>
/// <param name="SavedAt">When it was saved.</param>
public sealed record StoredDiagnosis(
    string Id, DiagnosisReport Report, DiagnosisContext Context, DateTimeOffset SavedAt)
{
    /// <summary>The access request made from it, if someone clicked "Request access".</summary>
    public AccessRequestRecord? AccessRequest { get; init; }
}

/// <summary>Who asked for the access, and when.</summary>
public sealed record AccessRequestRecord(string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>What recording an access request did.</summary>
public enum AccessRequestStatus
{
    /// <summary>The request is now recorded.</summary>
    Recorded,

    /// <summary>A request for this diagnosis was already recorded; nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>No diagnosis has this id (never existed, or expired).</summary>
    NotFound,
}

/// <summary>The outcome of recording an access request.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Diagnosis">The stored diagnosis as it is now; null when not found.</param>
public sealed record AccessRequestResult(AccessRequestStatus Status, StoredDiagnosis? Diagnosis);
