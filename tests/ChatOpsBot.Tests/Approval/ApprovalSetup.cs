using System.Text.Json.Nodes;
using ChatOpsBot.GitOps.Tests.GitHub;
using ChatOpsBot.Tests.Slack;
using ChatOpsBot.Slack.Blocks;
using Microsoft.AspNetCore.Builder;

namespace ChatOpsBot.Tests.Approval;

/// <summary>
/// The real bot wired to a fake Slack and a fake GitHub (seeded with the example RBAC file),
/// diagnosing against a temporary copy of the seed cluster snapshot, so a test can add the
/// binding to the "cluster" after the merge, as Argo CD would.
/// </summary>
internal sealed class ApprovalSetup : IAsyncDisposable
{
    public const string RbacFile = "clusters/dev-a/fake-company-dev-a.yaml";
    public const string ApproverChannel = "C0APPROVE1";
    public const string Channel = "C0HELLO01";
    public const string Requester = "U0DEV0001";
    public const string Admin = "U0ADMIN01";
    public const string OtherAdmin = "U0ADMIN02";
    public const string GroupAdmin = "U0ADMIN03";
    public const string Stranger = "U0STRANGE";
    public const string AdminGroup = "S0ADMINS1";

    // The workspace of Slack's block_actions fixture.
    public const string TeamId = "T9TK3CUKW";

    private int clicks;

    private ApprovalSetup(FakeSlackServer slack, FakeGitHub gitHub, string snapshot, string database)
    {
        Slack = slack;
        GitHub = gitHub;
        Snapshot = snapshot;
        Database = database;
    }

    public FakeSlackServer Slack { get; }

    public FakeGitHub GitHub { get; }

    public string Snapshot { get; }

    public string Database { get; }

    public RunningBot Bot { get; private set; } = null!;

    public static string OriginalRbacFile { get; } = File.ReadAllText(Path.Combine(
        AppContext.BaseDirectory, "examples", "seed-exec-forbidden", "rbac-repo", "fake-company-dev-a.yaml"));

    public static async Task<ApprovalSetup> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        Action<WebApplicationBuilder>? customize = null)
    {
        var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        slack.UserGroups[AdminGroup] = [GroupAdmin];
        var gitHub = await ApprovalBackends.StartGitHubAsync();
        var snapshot = ApprovalBackends.CopySeedSnapshot("snapshot");
        var database = Path.Combine(Path.GetTempPath(), "k8s-access-tests", $"{Guid.NewGuid():N}.db");
        var setup = new ApprovalSetup(slack, gitHub, snapshot, database);
        await setup.StartBotAsync(configure, customize);
        return setup;
    }

    /// <summary>Starts a bot (again) on the same store, Slack, GitHub and snapshot.</summary>
    public async Task StartBotAsync(
        Action<Dictionary<string, string?>>? configure = null,
        Action<WebApplicationBuilder>? customize = null)
    {
        Bot = await RunningBot.StartAsync(Slack, customize: customize, configure: settings =>
        {
            ApprovalBackends.Configure(settings, GitHub, Snapshot, Database);
            settings["Slack:MaxConcurrentWork"] = "4";
            settings["Approvals:Channel"] = ApproverChannel;
            settings["Approvals:Approvers:0"] = Admin;
            settings["Approvals:Approvers:1"] = OtherAdmin;
            settings["Approvals:Approvers:2"] = Requester;
            settings["Approvals:ApproverUserGroup"] = AdminGroup;
            settings["Approvals:TeamId"] = TeamId;
            configure?.Invoke(settings);
        });
    }

    public async Task StopBotAsync() => await Bot.DisposeAsync();

    /// <summary>Pastes the seed error and returns the bot's threaded reply (with the button).</summary>
    public async Task<SlackCall> DiagnoseAsync(string messageTs = "1712345678.000100")
    {
        using var response = await Bot.SendAsync(SignedRequests.Event(
            SlackPayloads.Message(
                $"Ev{Guid.NewGuid():N}"[..12], SeedError.Text, Channel, messageTs, Requester)));
        response.EnsureSuccessStatusCode();
        var reply = await Slack.WaitForAsync(call =>
            call.Method == "chat.postMessage" && call.Channel == Channel && call.ThreadTs == messageTs);
        SeedError.AssertProposesTheFix(reply);
        return reply;
    }

    /// <summary>
    /// Clicks a button of a posted message as <paramref name="user"/>; returns the response_url used.
    /// </summary>
    public async Task<Uri> ClickAsync(
        SlackCall message, string actionId, string user, string? teamId = TeamId)
    {
        var (blockId, button) = RequestAccessTests.PostedElements(message, "button")
            .Single(element => (string?)element.Element["action_id"] == actionId);
        var responseUrl = Slack.ResponseUrl("actions", $"click{Interlocked.Increment(ref clicks)}");
        var payload = JsonNode.Parse(SlackPayloads.BlockAction(
            user, message.Channel!, (string)message.Answer!["ts"]!, message.ThreadTs, responseUrl,
            SlackPayloads.ButtonAction(blockId, button)))!;
        payload["team"]!["id"] = teamId;
        payload["user"]!["team_id"] = teamId;
        using var ack = await Bot.SendAsync(SignedRequests.Interaction(payload.ToJsonString()));
        ack.EnsureSuccessStatusCode();
        return responseUrl;
    }

    /// <summary>What the bot told the clicker through <paramref name="responseUrl"/>.</summary>
    public async Task<string> ToldAsync(Uri responseUrl) =>
        (await Slack.WaitForAsync(call => call.Path == responseUrl.AbsolutePath)).Text!;

    /// <summary>
    /// Clicks Request access as the requester and checks the answer says the pull request is
    /// open, so a failure names what went wrong rather than timing out later.
    /// </summary>
    public async Task RequestedAsync(SlackCall reply)
    {
        var told = await ToldAsync(await ClickAsync(reply, SlackActionIds.RequestAccess, Requester));
        Assert.True(told.StartsWith("Requested: ", StringComparison.Ordinal), told);
    }

    /// <summary>The approvers' message.</summary>
    public Task<SlackCall> ApprovalMessageAsync() => Slack.WaitForPostAsync(ApproverChannel);

    /// <summary>A message in the requester's thread containing <paramref name="text"/>.</summary>
    public Task<SlackCall> ThreadMessageAsync(string text, string threadTs = "1712345678.000100") =>
        Slack.WaitForAsync(call => call.Method == "chat.postMessage" && call.Channel == Channel
            && call.ThreadTs == threadTs && call.Blocks is null
            && (call.Text ?? "").Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await GitHub.DisposeAsync();
        await Slack.DisposeAsync();
        Directory.Delete(Snapshot, recursive: true);
    }
}
