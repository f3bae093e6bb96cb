using ChatOpsBot.Slack.Caching;
using ChatOpsBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Identity;

/// <summary>
/// Remembers user-group memberships briefly, failures included (as null), so a busy channel
/// does not call <c>usergroups.users.list</c> for every message.
/// </summary>
internal sealed class UserGroupMembershipCache
{
    private const int Capacity = 1000;
    private readonly TtlCache<string, IReadOnlySet<string>?> _members;

    public UserGroupMembershipCache(IOptions<SlackOptions> options, TimeProvider time)
    {
        _members = new TtlCache<string, IReadOnlySet<string>?>(
            Capacity, options.Value.UserGroupCacheDuration, time, StringComparer.Ordinal);
    }

    public bool TryGet(string userGroupId, out IReadOnlySet<string>? members) =>
        _members.TryGet(userGroupId, out members);

    public void Set(string userGroupId, IReadOnlySet<string>? members) => _members.Set(userGroupId, members);
}
