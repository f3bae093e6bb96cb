using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Identity;
using ChatOpsBot.Slack.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class SlackIdentityMapperTests
{
    private const string GroupRole = "arn:aws:iam::111122223333:role/group-role";
    private const string FreeRole = "arn:aws:iam::111122223333:role/free";
    private readonly FakeTimeProvider _time = new();
    private readonly FakeSlackWebApi _slack = new();
    private readonly SlackOptions _options = new()
    {
        UserGroupCacheDuration = TimeSpan.FromMinutes(5),
        UserMappings =
        [
            new SlackUserMapping { SlackUserGroupId = "SPAID0001", RoleArn = GroupRole },
            new SlackUserMapping
            {
                SlackUserId = "UDIRECT01", KubernetesUser = "alice", KubernetesGroups = ["devs"],
            },
            new SlackUserMapping { SlackUserGroupId = "SFREE0001", RoleArn = FreeRole },
        ],
    };

    private SlackIdentityMapper Mapper() => new(
        new OptionsMonitorStub(_options), _slack,
        new UserGroupMembershipCache(Options.Create(_options), _time),
        NullLogger<SlackIdentityMapper>.Instance);

    [Fact]
    public async Task A_direct_mapping_wins_over_groups_without_any_lookup()
    {
        var hints = await Mapper().FindHintsAsync("UDIRECT01", default);

        Assert.Equal("alice", hints!.User);
        Assert.Equal(["devs"], hints.Groups);
        Assert.Null(hints.RoleArn);
        Assert.Equal(0, _slack.UserGroupLookups);
    }

    [Fact]
    public async Task Group_members_get_the_group_mapping_and_memberships_are_cached_briefly()
    {
        _slack.UserGroups["SPAID0001"] = ["UMEMBER01"];
        var mapper = Mapper();

        Assert.Equal(GroupRole, (await mapper.FindHintsAsync("UMEMBER01", default))!.RoleArn);
        Assert.Equal(GroupRole, (await mapper.FindHintsAsync("UMEMBER01", default))!.RoleArn);
        Assert.Equal(1, _slack.UserGroupLookups);

        _time.Advance(TimeSpan.FromMinutes(6));
        await mapper.FindHintsAsync("UMEMBER01", default);
        Assert.Equal(2, _slack.UserGroupLookups);
    }

    [Fact]
    public async Task A_failing_group_is_skipped_and_later_groups_still_count()
    {
        _slack.UserGroups["SFREE0001"] = ["UMEMBER02"];
        _slack.GroupError = "plan_upgrade_required";

        var hints = await Mapper().FindHintsAsync("UMEMBER02", default);

        Assert.Equal(FreeRole, hints!.RoleArn);
    }

    [Fact]
    public async Task Nobody_mapped_gets_null()
    {
        _slack.UserGroups["SPAID0001"] = [];
        _slack.UserGroups["SFREE0001"] = [];

        Assert.Null(await Mapper().FindHintsAsync("UNOBODY01", default));
    }

    private sealed class OptionsMonitorStub(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
