using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.GitOps.Tests.GitHub;
using ChatOpsBot.Teams.Tests.Support;
using ChatOpsBot.Tests.Approval;
using ChatOpsBot.Tests.Slack;

namespace ChatOpsBot.Tests.Teams;

/// <summary>
/// Request → approve → verify through Teams with the real bot: Adaptive Card clicks arrive as
/// signed <c>adaptiveCard/action</c> invokes, the pull request goes to the fake GitHub, the
/// approvers' card to the configured channel, and only a configured approver other than the
/// requester can approve.
/// </summary>
public sealed class TeamsApprovalTests : IAsyncLifetime
{
    private const string Approvers = "19:0000000000000000000000000000a991@thread.tacv2";
    private const string RequestAccess = "k8s_access.request_access";
    private const string Approve = "k8s_access.approve";
    private const string Deny = "k8s_access.deny";

    private FakeBotConnector _connector = null!;
    private FakeGitHub _gitHub = null!;
    private TeamsBot _bot = null!;
    private string _snapshot = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _gitHub = await ApprovalBackends.StartGitHubAsync();
        _snapshot = ApprovalBackends.CopySeedSnapshot("teams-snapshot");
        _database = Path.Combine(
            Path.GetTempPath(), "k8s-access-tests", $"teams-{Guid.NewGuid():N}.db");
        _bot = await TeamsBot.StartAsync(_connector, Configure);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _gitHub.DisposeAsync();
        await _connector.DisposeAsync();
        Directory.Delete(_snapshot, recursive: true);
    }

    private void Configure(Dictionary<string, string?> settings)
    {
        ApprovalBackends.Configure(settings, _gitHub, _snapshot, _database);
        settings["Teams:ApprovalsConversationId"] = Approvers;
        settings["Teams:ServiceUrl"] = _connector.ServiceUrl;
        settings["Teams:TenantId"] = TeamsPayloads.Tenant;
        settings["Teams:Approvers:0"] = Person.Admin.ObjectId;
        settings["Teams:Approvers:1"] = Person.Developer.ObjectId;
    }

    [Fact]
    public async Task Request_approve_merge_and_verify_through_teams()
    {
        var (reply, thread) = await _bot.DiagnoseInChannelAsync("1761000000001");
        TeamsMessageTests.AssertNamesTheFix(reply);

        // Request access: the click is answered at once; the pull request and the approvers' card follow.
        var requested = await ClickAsync(reply, thread, RequestAccess, Person.Developer);
        Assert.Equal(200, (int)requested["statusCode"]!);
        var approval = await _connector.WaitForAsync(
            call => call.ConversationId == Approvers && call.Method == "POST");
        Assert.Null(approval.ActivityId);
        var pull = Assert.Single(_gitHub.State.PullRequests);
        Assert.Contains("rb:hello", approval.Json, StringComparison.Ordinal);
        Assert.Contains($"#{pull.Number}", approval.Json, StringComparison.Ordinal);
        Assert.Contains(Person.Developer.Name, approval.Json, StringComparison.Ordinal);
        var approvalThread = $"{Approvers};messageid={approval.Id}";
        await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("the approvers have been asked", StringComparison.Ordinal));
        var requestedAnswer = await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("Requested:", StringComparison.Ordinal));
        Assert.Contains(Person.Developer.Name, requestedAnswer.Json, StringComparison.Ordinal);

        // Someone who is not an approver, then the requester (an approver too), are refused.
        await ClickAsync(approval, approvalThread, Approve, Person.Stranger);
        await _connector.WaitForAsync(call => call.ConversationId == approvalThread
            && call.Json.Contains("Only the configured approvers", StringComparison.Ordinal));
        await ClickAsync(approval, approvalThread, Approve, Person.Developer);
        await _connector.WaitForAsync(call => call.ConversationId == approvalThread
            && call.Json.Contains("your own access request", StringComparison.Ordinal));
        Assert.Empty(_gitHub.RequestsTo("PUT", "/merge"));
        Assert.DoesNotContain(_connector.Calls, call => call.Method == "PUT");

        // The approver merges; the approvers' card is replaced without its buttons.
        await ClickAsync(approval, approvalThread, Approve, Person.Admin);
        var merged = await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("is merged", StringComparison.Ordinal));
        Assert.Contains(Person.Admin.Name, merged.Json, StringComparison.Ordinal);
        Assert.Single(_gitHub.RequestsTo("PUT", "/merge"));
        Assert.True(pull.Merged);
        var updated = await _connector.WaitForAsync(
            call => call.Method == "PUT" && call.ActivityId == approval.Id);
        Assert.Empty(Executes(updated.Card!));

        // The cluster syncs the merged file: the requester's thread hears that it works.
        var committed = _gitHub.State.ReadFile(pull.Head, ApprovalSetup.RbacFile)!;
        await File.WriteAllTextAsync(
            Path.Combine(_snapshot, "rb-hello.yaml"), committed[ApprovalSetup.OriginalRbacFile.Length..]);
        var verified = await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("you can exec into pods", StringComparison.Ordinal));
        Assert.Contains(Person.Developer.Name, verified.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_restart_the_approvers_card_still_works_and_deny_closes_the_pull_request()
    {
        var (reply, thread) = await _bot.DiagnoseInChannelAsync("1761000000002");
        await ClickAsync(reply, thread, RequestAccess, Person.Developer);
        var approval = await _connector.WaitForAsync(
            call => call.ConversationId == Approvers && call.Method == "POST");
        await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("Requested:", StringComparison.Ordinal));

        // A new process on the same store: the card's ids and the requester's thread still resolve.
        await _bot.DisposeAsync();
        _bot = await TeamsBot.StartAsync(_connector, Configure);
        await ClickAsync(approval, $"{Approvers};messageid={approval.Id}", Deny, Person.Admin);

        var denied = await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("was denied", StringComparison.Ordinal));
        Assert.Contains(Person.Admin.Name, denied.Json, StringComparison.Ordinal);
        Assert.Equal("1761000000002", denied.ActivityId);

        // The notification text names people and links as Teams shows them, not in Slack's markup.
        var summary = (string)denied.Body["summary"]!;
        Assert.Contains("@" + Person.Admin.Name, summary, StringComparison.Ordinal);
        Assert.Contains("pull request #", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("<", summary, StringComparison.Ordinal);
        var pull = Assert.Single(_gitHub.State.PullRequests);
        Assert.Equal("closed", pull.State);
        Assert.False(pull.Merged);
        await _connector.WaitForAsync(call => call.Method == "PUT" && call.ActivityId == approval.Id);
    }

    // Clicks the card's Action.Execute whose verb is the Slack action id, as the Teams client does.
    private async Task<JsonObject> ClickAsync(
        ConnectorCall card, string conversation, string verb, Person who)
    {
        var (_, data) = Executes(card.Card!).Single(action => action.Verb == verb);
        var invoke = TeamsPayloads.Invoke(
            _connector.ServiceUrl, TeamsPayloads.ExecuteValue(verb, data), card.Id, conversation, "channel",
            who);
        using var response = await _bot.SendAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    internal static List<(string Verb, JsonObject Data)> Executes(JsonNode node)
    {
        var found = new List<(string, JsonObject)>();
        switch (node)
        {
            case JsonObject obj:
                if ((string?)obj["type"] == "Action.Execute" && obj["verb"] is { } verb)
                {
                    found.Add(((string)verb!, (obj["data"] as JsonObject)?.DeepClone().AsObject() ?? []));
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        found.AddRange(Executes(child));
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    found.AddRange(Executes(child));
                }

                break;
        }

        return found;
    }
}
