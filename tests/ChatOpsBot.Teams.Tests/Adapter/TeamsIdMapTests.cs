using ChatOpsBot.Core.Chat;
using ChatOpsBot.Teams.Adapter;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Tests.Adapter;

public sealed class TeamsIdMapTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private const string Channel = "19:00000000000000000000000000000c01@thread.tacv2";
    private readonly InMemoryChatAliasStore _store = new();

    [Theory]
    [InlineData(Channel + ";messageid=1759881511856", Channel, "1759881511856")]
    [InlineData(Channel, Channel, null)]
    [InlineData("a:1Personal", "a:1Personal", null)]
    [InlineData(Channel + ";messageid=", Channel, null)]
    public void Thread_parts_are_split_off(string id, string expectedBase, string? expectedRoot)
    {
        Assert.Equal(expectedBase, TeamsIdMap.BaseConversationId(id));
        Assert.Equal(expectedRoot, TeamsIdMap.ThreadRootOf(id));
    }

    [Fact]
    public async Task A_conversation_is_one_alias_for_all_its_threads_and_resolves_after_a_restart()
    {
        var first = await Map()
            .RememberConversationAsync(ServiceUrl, Channel + ";messageid=1", "channel", default);
        var second = await Map()
            .RememberConversationAsync(ServiceUrl, Channel + ";messageid=2", "channel", default);

        Assert.Equal(first.Channel, second.Channel);
        Assert.StartsWith("C", first.Channel, StringComparison.Ordinal);
        var found = await Map().FindConversationAsync(first.Channel, default);
        Assert.Equal(new TeamsConversation(first.Channel, ServiceUrl, Channel, "channel"), found);
    }

    [Fact]
    public async Task The_latest_validated_service_url_is_kept()
    {
        var map = Map();
        var known = await map.RememberConversationAsync(ServiceUrl, "a:1Personal", "personal", default);
        await map.RememberConversationAsync(
            "https://smba.trafficmanager.net/emea/", "a:1Personal", "personal", default);

        var found = await Map().FindConversationAsync(known.Channel, default);

        Assert.StartsWith("D", known.Channel, StringComparison.Ordinal);
        Assert.Equal("https://smba.trafficmanager.net/emea/", found!.ServiceUrl);
        Assert.True(found.IsPersonal);
        Assert.Equal("a:1Personal", found.ThreadConversationId("123"));
    }

    [Fact]
    public async Task Messages_resolve_only_within_their_conversation()
    {
        var map = Map();
        var channel = await map.RememberConversationAsync(ServiceUrl, Channel, "channel", default);
        var other = await map.RememberConversationAsync(
            ServiceUrl, "19:other@thread.tacv2", "channel", default);

        var ts = await map.RememberMessageAsync(
            channel.Channel, "1759944781430", Channel + ";messageid=1", default);

        Assert.Equal(
            new TeamsMessageRef("1759944781430", Channel + ";messageid=1"),
            await map.FindMessageAsync(channel.Channel, ts, default));
        Assert.Null(await map.FindMessageAsync(other.Channel, ts, default));
        Assert.Null(await map.FindMessageAsync(channel.Channel, "M" + new string('A', 24), default));
        Assert.Equal(ts, await map.RememberMessageAsync(channel.Channel, "1759944781430", Channel, default));
    }

    [Fact]
    public async Task The_approvers_conversation_from_the_settings_is_known_without_the_store()
    {
        var map = Map(new TeamsAdapterOptions { ApprovalsConversationId = Channel, ServiceUrl = ServiceUrl });

        var approvals = map.Approvals!;
        var found = await map.FindConversationAsync(approvals.Channel, default);

        Assert.Equal(TeamsIds.Alias('C', Channel), approvals.Channel);
        Assert.Equal(approvals, found);
        Assert.Equal(Channel + ";messageid=42", found!.ThreadConversationId("42"));
    }

    [Fact]
    public async Task Users_keep_the_last_display_name_seen()
    {
        var objectId = Guid.NewGuid();
        var user = await Map().RememberUserAsync(objectId, "Dana", default);
        await Map().RememberUserAsync(objectId, "Dana Developer", default);
        await Map().RememberUserAsync(objectId, null, default);

        Assert.Equal(TeamsIds.UserId(objectId), user);
        Assert.Equal("Dana Developer", await Map().DisplayNameAsync(user, default));
        Assert.Null(await Map().DisplayNameAsync(TeamsIds.UserId(Guid.NewGuid()), default));
    }

    private TeamsIdMap Map(TeamsAdapterOptions? options = null) =>
        new(_store, Options.Create(options ?? new TeamsAdapterOptions()));
}
