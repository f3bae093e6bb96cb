using ChatOpsBot.Core.Identity;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Identity;

/// <summary>
/// Finds the configured Kubernetes identity of a Slack user: a mapping for the user itself
/// wins, then the first mapping (in configuration order) of a user group the user is in.
/// User groups need a paid Slack plan; when their lookup fails the group is skipped and the
/// failure logged, so the diagnosis falls back to the engine's own candidates.
/// </summary>
internal sealed partial class SlackIdentityMapper
{
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly ISlackWebApi _slack;
    private readonly UserGroupMembershipCache _cache;
    private readonly ILogger<SlackIdentityMapper> _logger;

    public SlackIdentityMapper(
        IOptionsMonitor<SlackOptions> options, ISlackWebApi slack, UserGroupMembershipCache cache,
        ILogger<SlackIdentityMapper> logger)
    {
        _options = options;
        _slack = slack;
        _cache = cache;
        _logger = logger;
    }

    /// <summary>The identity hints configured for <paramref name="slackUserId"/>, or null when none.</summary>
    public async Task<IdentityHints?> FindHintsAsync(string slackUserId, CancellationToken cancellationToken)
    {
        var mappings = _options.CurrentValue.UserMappings;
        var direct = mappings.FirstOrDefault(
            m => string.Equals(m.SlackUserId, slackUserId, StringComparison.Ordinal));
        if (direct is not null)
        {
            return ToHints(direct);
        }

        foreach (var mapping in mappings.Where(m => !string.IsNullOrEmpty(m.SlackUserGroupId)))
        {
            var members = await GetMembersAsync(mapping.SlackUserGroupId!, cancellationToken)
                .ConfigureAwait(false);
            if (members is not null && members.Contains(slackUserId))
            {
                return ToHints(mapping);
            }
        }

        return null;
    }

    /// <summary>The hints a mapping stands for.</summary>
    public static IdentityHints ToHints(SlackUserMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return new IdentityHints
        {
            RoleArn = string.IsNullOrWhiteSpace(mapping.RoleArn) ? null : mapping.RoleArn,
            User = string.IsNullOrWhiteSpace(mapping.KubernetesUser) ? null : mapping.KubernetesUser,
            Groups = mapping.KubernetesGroups.ToList(),
        };
    }

    private async Task<IReadOnlySet<string>?> GetMembersAsync(
        string userGroupId, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(userGroupId, out var cached))
        {
            return cached;
        }

        IReadOnlySet<string>? members;
        try
        {
            var list = await _slack.GetUserGroupMembersAsync(userGroupId, cancellationToken)
                .ConfigureAwait(false);
            members = list.ToHashSet(StringComparer.Ordinal);
        }
        catch (SlackApiException ex)
        {
            LogGroupLookupFailed(userGroupId, ex.Error);
            members = null;
        }
        catch (HttpRequestException ex)
        {
            LogGroupLookupFailed(userGroupId, ex.HttpRequestError.ToString());
            members = null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogGroupLookupFailed(userGroupId, "timeout");
            members = null;
        }

        _cache.Set(userGroupId, members);
        return members;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Slack user group {UserGroupId} could not be read ({SlackError}); its mapping is skipped")]
    private partial void LogGroupLookupFailed(string userGroupId, string slackError);
}
