using ChatOpsBot.Core.Diagnosis;

namespace ChatOpsBot.Storage.Json;

/// <summary>The stored form of a <see cref="DiagnosisReport"/>.</summary>
internal sealed class ReportDto
{
    public AttemptDto? Attempt { get; set; }

    public IdentityDto? Identity { get; set; }

    public bool Allowed { get; set; }

    public CauseDto? Cause { get; set; }

    public List<CheckDto> Checks { get; set; } = [];

    public FixDto? Fix { get; set; }

    public static ReportDto From(DiagnosisReport report) => new()
    {
        Attempt = AttemptDto.From(report.Attempt),
        Identity = IdentityDto.From(report.Identity),
        Allowed = report.Allowed,
        Cause = new CauseDto { Code = report.Cause.Code, Summary = report.Cause.Summary },
        Checks = [.. report.Checks.Select(check =>
            new CheckDto { Name = check.Name, Status = check.Status, Detail = check.Detail })],
        Fix = report.Fix is null ? null : FixDto.From(report.Fix),
    };

    public DiagnosisReport ToModel()
    {
        var cause = Required.Field(Cause, "cause");
        return new DiagnosisReport
        {
            Attempt = Required.Field(Attempt, "attempt").ToModel(),
            Identity = Required.Field(Identity, "identity").ToModel(),
            Allowed = Allowed,
            Cause = new Cause(cause.Code, cause.Summary ?? ""),
            Checks = [.. Checks.Select(check =>
                new Check(Required.Field(check.Name, "check.name"), check.Status, check.Detail ?? ""))],
            Fix = Fix?.ToModel(),
        };
    }
}

/// <summary>The stored form of a <see cref="Core.Diagnosis.Cause"/>.</summary>
internal sealed class CauseDto
{
    public CauseCode Code { get; set; }

    public string? Summary { get; set; }
}

/// <summary>The stored form of a <see cref="Check"/>.</summary>
internal sealed class CheckDto
{
    public string? Name { get; set; }

    public CheckStatus Status { get; set; }

    public string? Detail { get; set; }
}

/// <summary>The stored form of a <see cref="ProposedFix"/>.</summary>
internal sealed class FixDto
{
    public string? Kind { get; set; }

    public string? Namespace { get; set; }

    public string? Name { get; set; }

    public string? Yaml { get; set; }

    public string? Summary { get; set; }

    public static FixDto From(ProposedFix fix) => new()
    {
        Kind = fix.Kind,
        Namespace = fix.Namespace,
        Name = fix.Name,
        Yaml = fix.Yaml,
        Summary = fix.Summary,
    };

    public ProposedFix ToModel() => new(
        Required.Field(Kind, "fix.kind"),
        Namespace,
        Required.Field(Name, "fix.name"),
        Required.Field(Yaml, "fix.yaml"),
        Summary ?? "");
}
