using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Slack.Tests.Support;

namespace ChatOpsBot.Slack.Tests.Integration;

/// <summary>The slash command endpoint, driven over real HTTP with signed form posts.</summary>
public sealed class CommandEndpointTests : IAsyncLifetime
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync(s =>
    {
        s["Slack:UserMappings:0:SlackUserId"] = "UMAPPED01";
        s["Slack:UserMappings:0:RoleArn"] = Reports.AdminRole;
        s["Slack:UserMappings:1:SlackUserGroupId"] = "SDEVS0001";
        s["Slack:UserMappings:1:KubernetesGroups:0"] = "fake_company:server";
        s["Slack:UserMappings:1:KubernetesUser"] = "dev-user";
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_command_is_acknowledged_before_the_diagnosis_and_answered_on_the_response_url()
    {
        // Hold the engine: the acknowledgement must not wait for it.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Engine.Gate = gate;
        var watch = Stopwatch.StartNew();

        using var response = await _host.SendAsync(
            SlackRequests.Command(SlackRequests.CommandFields("hello")));

        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"ack took {watch.Elapsed}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using (var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal("ephemeral", ack.RootElement.GetProperty("response_type").GetString());
            Assert.Contains("Checking", ack.RootElement.GetProperty("text").GetString(), Ord);
        }

        Assert.Empty(_host.Slack.Calls);
        _host.Engine.Gate = null;
        gate.SetResult();

        var answer = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        Assert.Equal("response_url", answer.Method);
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
            answer.ResponseUrl!.ToString());
        Assert.False(answer.ReplaceOriginal);
        Assert.Contains("No binding grants this access", answer.Message!.Text, Ord);

        var request = Assert.Single(_host.Engine.Requests);
        var attempt = request.Attempt!;
        Assert.Equal(AttemptKind.Forbidden, attempt.Kind);
        Assert.Equal(("create", "pods", "exec", "", "hello"),
            (attempt.Verb, attempt.Resource, attempt.Subresource, attempt.ApiGroup, attempt.Namespace));
        Assert.Null(attempt.Name);
        Assert.True(request.Hints.IsEmpty);
        Assert.Contains("No chat-user mapping", BlockKitAssert.Visible(answer.Message), Ord);
    }

    [Theory]
    [InlineData("hello hello-beta1-58cf69d988-64qjp", "create", "pods", "exec", "hello",
        "hello-beta1-58cf69d988-64qjp")]
    [InlineData("logs hello", "get", "pods", "log", "hello", null)]
    [InlineData("port-forward hello web-0", "create", "pods", "portforward", "hello", "web-0")]
    [InlineData("get secrets -n hello", "get", "secrets", null, "hello", null)]
    public async Task Command_variants_become_the_right_attempt(
        string text, string verb, string resource, string? sub, string ns, string? name)
    {
        (await _host.SendAsync(SlackRequests.Command(SlackRequests.CommandFields(text))))
            .EnsureSuccessStatusCode();

        await _host.Slack.WaitForCallsAsync(1);
        var attempt = Assert.Single(_host.Engine.Requests).Attempt!;
        Assert.Equal((verb, resource, sub, ns, name),
            (attempt.Verb, attempt.Resource, attempt.Subresource, attempt.Namespace, attempt.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    [InlineData("get")]
    [InlineData("hello --frobnicate")]
    [InlineData("Not_A_Namespace!")]
    [InlineData("<!channel> get secrets")]
    public async Task Help_and_malformed_commands_get_an_ephemeral_usage_reply_and_no_diagnosis(string text)
    {
        using var response = await _host.SendAsync(SlackRequests.Command(SlackRequests.CommandFields(text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", ack.RootElement.GetProperty("response_type").GetString());
        var reply = ack.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("/k8s-access hello", reply, Ord);
        Assert.DoesNotContain("<!channel>", reply, Ord);
        await _host.DrainAsync();
        Assert.Equal(0, _host.EngineCallsBesidesSentinels);
    }

    [Fact]
    public async Task A_directly_mapped_user_is_diagnosed_with_the_mapped_role()
    {
        (await _host.SendAsync(SlackRequests.Command(SlackRequests.CommandFields("hello", user: "UMAPPED01"))))
            .EnsureSuccessStatusCode();

        var answer = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        Assert.Equal(Reports.AdminRole, Assert.Single(_host.Engine.Requests).Hints.RoleArn);
        Assert.Contains("chat-user mapping", BlockKitAssert.Visible(answer.Message!), Ord);
    }

    [Fact]
    public async Task A_user_group_member_gets_the_group_mapping_and_the_lookup_is_cached()
    {
        _host.Slack.UserGroups["SDEVS0001"] = ["UOTHER001", "UGROUPED1"];

        for (var i = 1; i <= 2; i++)
        {
            var fields = SlackRequests.CommandFields("hello", user: "UGROUPED1");
            (await _host.SendAsync(SlackRequests.Command(fields))).EnsureSuccessStatusCode();
            await _host.Slack.WaitForCallsAsync(i);
        }

        Assert.All(_host.Engine.Requests, r =>
        {
            Assert.Equal("dev-user", r.Hints.User);
            Assert.Equal(["fake_company:server"], r.Hints.Groups);
        });
        Assert.Equal(1, _host.Slack.UserGroupLookups);
    }

    [Fact]
    public async Task A_free_plan_workspace_falls_back_to_the_engines_candidates()
    {
        _host.Slack.GroupError = "plan_upgrade_required";

        var fields = SlackRequests.CommandFields("hello", user: "UGROUPED1");
        (await _host.SendAsync(SlackRequests.Command(fields))).EnsureSuccessStatusCode();

        var answer = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        Assert.True(Assert.Single(_host.Engine.Requests).Hints.IsEmpty);
        Assert.Contains("No chat-user mapping", BlockKitAssert.Visible(answer.Message!), Ord);
        Assert.Contains(_host.Logs.Entries, e => e.Text.Contains("plan_upgrade_required", Ord));
    }

    [Fact]
    public async Task As_role_overrides_the_mapping()
    {
        var fields = SlackRequests.CommandFields(
            $"hello --as-role {Reports.ServerRole} --cluster prod-eu", user: "UMAPPED01");
        (await _host.SendAsync(SlackRequests.Command(fields))).EnsureSuccessStatusCode();

        await _host.Slack.WaitForCallsAsync(1);
        var request = Assert.Single(_host.Engine.Requests);
        Assert.Equal(Reports.ServerRole, request.Hints.RoleArn);
        Assert.Equal("prod-eu", request.Cluster);
    }

    [Fact]
    public async Task When_the_engine_finds_nothing_the_user_is_told()
    {
        _host.Engine.Answer = _ => null;

        (await _host.SendAsync(SlackRequests.Command(SlackRequests.CommandFields("hello"))))
            .EnsureSuccessStatusCode();

        var answer = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        Assert.Contains("could not build a diagnosis", answer.Message!.Text, Ord);
    }

    [Fact]
    public async Task When_the_engine_throws_the_user_gets_an_apology_not_silence()
    {
        _host.Engine.Answer = _ => throw new InvalidOperationException("cluster unreachable");

        (await _host.SendAsync(SlackRequests.Command(SlackRequests.CommandFields("hello"))))
            .EnsureSuccessStatusCode();

        var answer = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        Assert.Contains("Sorry", answer.Message!.Text, Ord);
        Assert.DoesNotContain("cluster unreachable", answer.Message.Text, Ord);
    }

    [Fact]
    public async Task Slacks_documented_command_body_is_accepted_verbatim()
    {
        // The signing vector's body (command /webhook-collect), re-signed for now: a foreign
        // command gets a polite ephemeral answer, proving the exact form was parsed.
        var body = Fixture.Text("slash-commands/webhook-collect.form-urlencoded.txt");

        using var response = await _host.SendAsync(
            SlackRequests.Signed("/slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("/k8s-access", ack.RootElement.GetProperty("text").GetString(), Ord);
    }
}
