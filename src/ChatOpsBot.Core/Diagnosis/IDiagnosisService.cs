using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>
/// A request for a diagnosis: either pasted text to parse, or an attempt built by a command
/// (<c>/k8s-access hello</c>), plus what the caller said about who they are.
/// </summary>
public sealed record DiagnosisRequest
{
    /// <summary>
    /// Pasted text holding the error (parsed when <see cref="Attempt"/> is null).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>An attempt built directly, for commands that name what to check.</summary>
    public AccessAttempt? Attempt { get; init; }

    /// <summary>
    /// Identity overrides (<c>--as-role</c>, a configured chat-user mapping, …).
    /// </summary>
    public IdentityHints Hints { get; init; } = new();

    /// <summary>The configured cluster to diagnose against; null for the default one.</summary>
    public string? Cluster { get; init; }
}

/// <summary>Runs diagnoses for the chat front ends and the command line.</summary>
public interface IDiagnosisService
{
    /// <summary>
    /// Diagnoses the request. Returns null when the text holds no access error at all, so a
    /// chat front end can stay silent.
    /// </summary>
    Task<DiagnosisReport?> DiagnoseAsync(
        DiagnosisRequest request, CancellationToken cancellationToken);
}
