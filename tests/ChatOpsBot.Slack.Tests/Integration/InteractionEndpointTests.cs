using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Tests.Support;

namespace ChatOpsBot.Slack.Tests.Integration;

/// <summary>Button and select-menu clicks, driven over real HTTP with signed payloads.</summary>
public sealed class InteractionEndpointTests : IAsyncLifetime
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Choosing_another_identity_reruns_the_diagnosis_and_updates_the_channel_message()
    {
        var first = await PasteErrorAsync("C555", "5.1");
        var diagnosisId = IdFromBlock(first.Message!, SlackActionIds.IdentityBlockPrefix);

        using var response = await _host.SendAsync(SlackRequests.Interaction(SlackPayloads.BlockAction(
            SlackActionIds.ChooseIdentity, SlackActionIds.IdentityBlockPrefix + diagnosisId,
            selectedValue: Reports.AdminRole, channel: "C555", messageTs: "1700000000.000002")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _host.Slack.WaitForCallsAsync(2);
        var update = calls[1];
        Assert.Equal("chat.update", update.Method);
        Assert.Equal(new SlackMessageRef("C555", "1700000000.000002"), update.Target);
        Assert.Contains("Identity chosen from the menu", BlockKitAssert.Visible(update.Message!), Ord);

        var rerun = _host.Engine.Requests.Last();
        Assert.Equal(Reports.AdminRole, rerun.Hints.RoleArn);
        Assert.Equal(Reports.ExecAttempt, rerun.Attempt);

        // The new message carries its own id.
        var newId = IdFromBlock(update.Message!, SlackActionIds.RequestBlockPrefix);
        Assert.NotEqual(diagnosisId, newId);
    }

    [Fact]
    public async Task Choosing_an_identity_on_an_ephemeral_answer_replaces_it_through_the_response_url()
    {
        (await _host.SendAsync(SlackRequests.Command(SlackRequests.CommandFields("hello"))))
            .EnsureSuccessStatusCode();
        var answer = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        var diagnosisId = IdFromBlock(answer.Message!, SlackActionIds.IdentityBlockPrefix);
        var value = DiagnosisMessageBuilder.OtherCandidates(Reports.Identity(new())).Last().Value;

        (await _host.SendAsync(SlackRequests.Interaction(SlackPayloads.BlockAction(
            SlackActionIds.ChooseIdentity, SlackActionIds.IdentityBlockPrefix + diagnosisId,
            selectedValue: value, ephemeral: true, responseUrl: "https://hooks.slack.com/actions/T1/2/eph"))))
            .EnsureSuccessStatusCode();

        var replace = (await _host.Slack.WaitForCallsAsync(2))[1];
        Assert.Equal("response_url", replace.Method);
        Assert.True(replace.ReplaceOriginal);
        Assert.Equal("https://hooks.slack.com/actions/T1/2/eph", replace.ResponseUrl!.ToString());

        // The service-account candidate has no ARN: it travels as an index and comes back as user + groups.
        var rerun = _host.Engine.Requests.Last();
        Assert.Equal(Reports.ServiceAccountCandidate.User, rerun.Hints.User);
        Assert.Equal(Reports.ServiceAccountCandidate.Groups, rerun.Hints.Groups);
    }

    [Fact]
    public async Task A_value_that_is_not_a_stored_candidate_changes_nothing()
    {
        var first = await PasteErrorAsync("C555", "5.2");
        var diagnosisId = IdFromBlock(first.Message!, SlackActionIds.IdentityBlockPrefix);

        (await _host.SendAsync(SlackRequests.Interaction(SlackPayloads.BlockAction(
            SlackActionIds.ChooseIdentity, SlackActionIds.IdentityBlockPrefix + diagnosisId,
            selectedValue: "arn:aws:iam::999999999999:role/attacker")))).EnsureSuccessStatusCode();

        var reply = (await _host.Slack.WaitForCallsAsync(2))[1];
        Assert.Equal("response_url", reply.Method);
        Assert.False(reply.ReplaceOriginal);
        Assert.Contains("not one of", reply.Message!.Text, Ord);
        Assert.Single(_host.Engine.Requests);
    }

    [Fact]
    public async Task Request_access_without_an_rbac_repository_says_so_and_records_nothing()
    {
        var first = await PasteErrorAsync("C555", "5.3");
        var diagnosisId = IdFromBlock(first.Message!, SlackActionIds.RequestBlockPrefix);
        var click = SlackPayloads.BlockAction(
            SlackActionIds.RequestAccess, SlackActionIds.RequestBlockPrefix + diagnosisId, value: diagnosisId,
            user: "UREQUEST1");

        (await _host.SendAsync(SlackRequests.Interaction(click))).EnsureSuccessStatusCode();
        var told = (await _host.Slack.WaitForCallsAsync(2))[1];

        Assert.Equal("response_url", told.Method);
        Assert.False(told.ReplaceOriginal);
        Assert.Contains("No RBAC repository is configured", told.Message!.Text, Ord);
        Assert.DoesNotContain(diagnosisId, told.Message.Text, Ord);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task Request_access_with_an_unknown_id_gets_a_clear_ephemeral_message(string id)
    {
        (await _host.SendAsync(SlackRequests.Interaction(SlackPayloads.BlockAction(
            SlackActionIds.RequestAccess, SlackActionIds.RequestBlockPrefix + "x", value: id))))
            .EnsureSuccessStatusCode();

        var reply = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        Assert.Equal("response_url", reply.Method);
        Assert.False(reply.ReplaceOriginal);
        Assert.Contains("expired", reply.Message!.Text, Ord);
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task Slacks_documented_button_click_for_another_app_is_acknowledged_and_ignored()
    {
        using var response = await _host.SendAsync(SlackRequests.Interaction(
            Fixture.Text("interactivity/block_actions-button-message_attachment.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await _host.DrainAsync();
        Assert.Empty(_host.Replies);
    }

    [Fact]
    public async Task A_large_static_select_payload_from_slack_is_parsed_and_ignored()
    {
        using var envelope = Fixture.Json(
            "socket-mode/envelope-interactive-block_actions-static_select-large.json");
        var payload = envelope.RootElement.GetProperty("payload").GetRawText();

        using var response = await _host.SendAsync(SlackRequests.Interaction(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.DrainAsync();
        Assert.Empty(_host.Replies);
    }

    [Fact]
    public async Task When_the_queue_is_full_events_get_503_and_a_later_retry_is_answered()
    {
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:QueueCapacity"] = "1");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Engine.Gate = gate;
        host.Engine.Received += _ => started.TrySetResult();

        (await host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("EvQ1", SlackPayloads.PastedError, "CQ", "9.1")))).EnsureSuccessStatusCode();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("EvQ2", SlackPayloads.PastedError, "CQ", "9.2")))).EnsureSuccessStatusCode();
        var third = SlackPayloads.Message("EvQ3", SlackPayloads.PastedError, "CQ", "9.3");
        using var refused = await host.SendAsync(SlackRequests.Event(third));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        host.Engine.Gate = null;
        gate.SetResult();
        await host.Slack.WaitForCallsAsync(2);
        (await host.SendAsync(SlackRequests.Event(third, retryNum: 1))).EnsureSuccessStatusCode();
        await host.DrainAsync();
        Assert.Equal(["9.1", "9.2", "9.3"], host.Replies.Select(r => r.ThreadTs!).Order().ToArray());
    }

    private async Task<SlackCall> PasteErrorAsync(string channel, string ts)
    {
        var before = _host.Slack.Calls.Count;
        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev" + ts, SlackPayloads.PastedError, channel, ts))))
            .EnsureSuccessStatusCode();
        return (await _host.Slack.WaitForCallsAsync(before + 1))[before];
    }

    private static string IdFromBlock(SlackMessage message, string prefix)
    {
        var block = message.Blocks!.OfType<JsonObject>()
            .Single(b => b["block_id"]?.GetValue<string>().StartsWith(prefix, Ord) == true);
        return block["block_id"]!.GetValue<string>()[prefix.Length..];
    }
}
