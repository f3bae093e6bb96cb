using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Requests;

namespace ChatOpsBot.Storage.Json;

/// <summary>
/// What an access request copies from its diagnosis besides the fix (which has columns of its
/// own): the attempt to verify, the identity, and where to answer.
/// </summary>
internal sealed class RequestSnapshotDto
{
    public AttemptDto? Attempt { get; set; }

    public CandidateDto? Identity { get; set; }

    public ContextDto? Context { get; set; }

    public static RequestSnapshotDto From(AccessRequest request) => new()
    {
        Attempt = AttemptDto.From(request.Attempt),
        Identity = CandidateDto.From(request.Identity),
        Context = ContextDto.From(request.Context),
    };

    public RequestSnapshot ToModel() => new(
        Required.Field(Attempt, "attempt").ToModel(),
        Required.Field(Identity, "identity").ToModel(),
        Required.Field(Context, "context").ToModel());
}

/// <summary>The parts of an access request kept as JSON, read back.</summary>
internal sealed record RequestSnapshot(
    AccessAttempt Attempt, IdentityCandidate Identity, DiagnosisContext Context);
