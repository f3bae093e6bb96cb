using ChatOpsBot.Core.Diagnosis;

namespace ChatOpsBot.Core.Requests;

/// <summary>
/// Keeps diagnoses under opaque ids, so a button carries only the id and everything it acts
/// on comes from the bot's own records, never from the chat payload.
/// </summary>
public interface IDiagnosisStore
{
    /// <summary>Saves a diagnosis and returns its new opaque id.</summary>
    Task<string> SaveAsync(
        DiagnosisReport report, DiagnosisContext context, CancellationToken cancellationToken);

    /// <summary>The diagnosis with this id, or null when unknown or expired.</summary>
    Task<StoredDiagnosis?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="requestedBy"/> asked for the fix of diagnosis
    /// <paramref name="id"/>. Only the first request is recorded, so a double click is harmless.
    /// A store that is also an <see cref="IAccessRequestStore"/> opens the access request (same
    /// id, state <see cref="AccessRequestState.Requested"/>) in the same step when the
    /// diagnosis proposes a fix.
    /// </summary>
    Task<AccessRequestResult> RecordAccessRequestAsync(
        string id, string requestedBy, CancellationToken cancellationToken);
}
