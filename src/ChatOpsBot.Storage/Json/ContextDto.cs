using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Requests;

namespace ChatOpsBot.Storage.Json;

/// <summary>The stored form of a <see cref="DiagnosisContext"/>.</summary>
internal sealed class ContextDto
{
    public string? TeamId { get; set; }

    public string? ChannelId { get; set; }

    public string? RequestedBy { get; set; }

    public string? ThreadTs { get; set; }

    public string? Cluster { get; set; }

    public HintsDto? Hints { get; set; }

    public DiagnosisOrigin Origin { get; set; }

    public static ContextDto From(DiagnosisContext context) => new()
    {
        TeamId = context.TeamId,
        ChannelId = context.ChannelId,
        RequestedBy = context.RequestedBy,
        ThreadTs = context.ThreadTs,
        Cluster = context.Cluster,
        Hints = new HintsDto
        {
            User = context.Hints.User,
            Groups = [.. context.Hints.Groups],
            RoleArn = context.Hints.RoleArn,
        },
        Origin = context.Origin,
    };

    public DiagnosisContext ToModel() => new()
    {
        TeamId = TeamId,
        ChannelId = Required.Field(ChannelId, "context.channelId"),
        RequestedBy = Required.Field(RequestedBy, "context.requestedBy"),
        ThreadTs = ThreadTs,
        Cluster = Cluster,
        Hints = Hints is null
            ? new IdentityHints()
            : new IdentityHints { User = Hints.User, Groups = Hints.Groups, RoleArn = Hints.RoleArn },
        Origin = Origin,
    };
}

/// <summary>The stored form of <see cref="IdentityHints"/>.</summary>
internal sealed class HintsDto
{
    public string? User { get; set; }

    public List<string> Groups { get; set; } = [];

    public string? RoleArn { get; set; }
}
