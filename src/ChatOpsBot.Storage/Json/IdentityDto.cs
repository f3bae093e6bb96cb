using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Storage.Json;

/// <summary>The stored form of a <see cref="ResolvedIdentity"/>.</summary>
internal sealed class IdentityDto
{
    public CandidateDto? Chosen { get; set; }

    /// <summary>Where <see cref="Chosen"/> is in <see cref="Candidates"/>; -1 when it is not there.</summary>
    public int ChosenIndex { get; set; } = -1;

    public List<CandidateDto> Candidates { get; set; } = [];

    public bool IsGuess { get; set; }

    public List<string> Notes { get; set; } = [];

    public static IdentityDto From(ResolvedIdentity identity)
    {
        var candidates = identity.Candidates.ToList();
        return new IdentityDto
        {
            Chosen = CandidateDto.From(identity.Chosen),
            ChosenIndex = candidates.IndexOf(identity.Chosen),
            Candidates = [.. candidates.Select(CandidateDto.From)],
            IsGuess = identity.IsGuess,
            Notes = [.. identity.Notes],
        };
    }

    public ResolvedIdentity ToModel()
    {
        var candidates = Candidates.Select(candidate => candidate.ToModel()).ToList();

        // The chosen candidate is usually one of the list; keep it the very same object.
        var chosen = ChosenIndex >= 0 && ChosenIndex < candidates.Count
            ? candidates[ChosenIndex]
            : Required.Field(Chosen, "identity.chosen").ToModel();
        return new ResolvedIdentity
        {
            Chosen = chosen,
            Candidates = candidates,
            IsGuess = IsGuess,
            Notes = Notes,
        };
    }
}

/// <summary>The stored form of an <see cref="IdentityCandidate"/>.</summary>
internal sealed class CandidateDto
{
    public string? User { get; set; }

    public List<string> Groups { get; set; } = [];

    public IdentitySource Source { get; set; }

    public string? PrincipalArn { get; set; }

    public string? Why { get; set; }

    public string? UsernameTemplate { get; set; }

    public static CandidateDto From(IdentityCandidate candidate) => new()
    {
        User = candidate.User,
        Groups = [.. candidate.Groups],
        Source = candidate.Source,
        PrincipalArn = candidate.PrincipalArn,
        Why = candidate.Why,
        UsernameTemplate = candidate.UsernameTemplate,
    };

    public IdentityCandidate ToModel() => new(
        Required.Field(User, "candidate.user"),
        Groups,
        Source,
        PrincipalArn,
        Why ?? "",
        UsernameTemplate);
}
