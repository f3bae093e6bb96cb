using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Tests.Slack;
using k8s;
using k8s.Models;
using static ChatOpsBot.Tests.Approval.ApprovalSetup;

namespace ChatOpsBot.Tests.Approval;

/// <summary>
/// Steps 6 to 8 end to end with the real bot: Request access opens a pull request in the fake
/// GitHub, approvers get Approve / Deny, only a configured approver (not the requester) can
/// decide, approval merges the exact head, and verification reports once the cluster allows it.
/// </summary>
public sealed class ApprovalFlowTests
{
    private const string RequestAccess = "k8s_access.request_access";
    private const string Approve = "k8s_access.approve";
    private const string Deny = "k8s_access.deny";

    [Fact]
    public async Task Request_approve_merge_and_verify()
    {
        await using var setup = await ApprovalSetup.StartAsync();
        var reply = await setup.DiagnoseAsync();

        var requested = await setup.ClickAsync(reply, RequestAccess, Requester);

        // The fake GitHub got a branch, a file update and a pull request.
        var told = await setup.ToldAsync(requested);
        Assert.True(told.Contains("pull request #", StringComparison.Ordinal), told);
        Assert.Single(setup.GitHub.RequestsTo("POST", "/git/refs"));
        Assert.Single(setup.GitHub.RequestsTo("PUT", "/contents/"));
        Assert.Single(setup.GitHub.RequestsTo("POST", "/pulls"));
        var pull = Assert.Single(setup.GitHub.State.PullRequests);
        var committed = setup.GitHub.State.ReadFile(pull.Head, RbacFile)!;
        AssertOneBindingAppended(committed);

        // The approvers' message: request, identity, namespace, fix, link, confirmed buttons.
        var approval = await setup.ApprovalMessageAsync();
        var text = approval.BlocksText;
        Assert.Contains($"<@{Requester}>", text, StringComparison.Ordinal);
        Assert.Contains("hello", text, StringComparison.Ordinal);
        Assert.Contains("rb:hello", text, StringComparison.Ordinal);
        Assert.Contains($"pull request #{pull.Number}", text, StringComparison.Ordinal);
        var buttons = approval.Elements("button");
        Assert.Equal(new[] { Approve, Deny }, buttons.Select(b => (string)b["action_id"]!));
        Assert.All(buttons, b => Assert.NotNull(b["confirm"]));
        var requestId = (string)reply.Elements("button").Single()["value"]!;
        Assert.All(buttons, b => Assert.Equal(requestId, (string)b["value"]!));
        await setup.ThreadMessageAsync($"pull request #{pull.Number}");

        // A stranger, then the requester (an approver too), are refused; nothing changes.
        var stranger = await setup.ClickAsync(approval, Approve, Stranger);
        Assert.Contains(
            "Only the configured approvers",
            await setup.ToldAsync(stranger),
            StringComparison.Ordinal);
        var own = await setup.ClickAsync(approval, Approve, Requester);
        Assert.Contains("your own access request", await setup.ToldAsync(own), StringComparison.Ordinal);
        var otherWorkspace = await setup.ClickAsync(approval, Approve, Admin, teamId: "T0OTHERWS");
        Assert.Contains(
            "configured workspace",
            await setup.ToldAsync(otherWorkspace),
            StringComparison.Ordinal);
        await setup.Bot.DrainAsync();
        Assert.Empty(setup.GitHub.RequestsTo("PUT", "/merge"));
        Assert.DoesNotContain(setup.Slack.Calls, call => call.Method == "chat.update");

        // An approver merges, guarded by the head sha the pull request was opened with.
        var headSha = setup.GitHub.State.Branches[pull.Head];
        await setup.ClickAsync(approval, Approve, Admin);
        var merged = await setup.ThreadMessageAsync("is merged");
        Assert.Contains($"<@{Admin}>", merged.Text, StringComparison.Ordinal);
        var merge = Assert.Single(setup.GitHub.RequestsTo("PUT", "/merge"));
        Assert.Equal(headSha, (string?)JsonNode.Parse(merge.Body)!["sha"]);
        Assert.True(pull.Merged);
        var updated = await setup.Slack.WaitForAsync(call => call.Method == "chat.update");
        Assert.Empty(updated.Elements("button"));
        Assert.Contains($"Approved* by <@{Admin}>", updated.BlocksText, StringComparison.Ordinal);

        // The cluster syncs the repository: verification then reports success.
        await File.WriteAllTextAsync(Path.Combine(setup.Snapshot, "rb-hello.yaml"), AppendedPart(committed));
        var verified = await setup.ThreadMessageAsync("you can exec into pods in `hello` now");
        Assert.Contains($"<@{Requester}>", verified.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_request_access_twice_opens_one_pull_request()
    {
        await using var setup = await ApprovalSetup.StartAsync();
        var reply = await setup.DiagnoseAsync();

        var first = setup.ClickAsync(reply, RequestAccess, Requester);
        var second = setup.ClickAsync(reply, RequestAccess, Requester);
        var urls = await Task.WhenAll(first, second);
        var answers = await Task.WhenAll(urls.Select(setup.ToldAsync));
        await setup.Bot.DrainAsync();

        Assert.Single(setup.GitHub.State.PullRequests);
        Assert.Single(setup.GitHub.RequestsTo("POST", "/pulls"));
        Assert.Single(
            setup.Slack.Calls,
            call => call.Method == "chat.postMessage" && call.Channel == ApproverChannel);
        Assert.Contains(answers, answer => answer.Contains("already requested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_approvers_clicking_together_merge_once()
    {
        await using var setup = await ApprovalSetup.StartAsync();
        var reply = await setup.DiagnoseAsync();
        await setup.RequestedAsync(reply);
        var approval = await setup.ApprovalMessageAsync();

        string[] approvers = [Admin, OtherAdmin, GroupAdmin];
        var clicks = await Task.WhenAll(
            approvers.Select(approver => setup.ClickAsync(approval, Approve, approver)));
        var merged = await setup.ThreadMessageAsync("is merged");

        // The merge names the winner. Each of the others is told who decided, however long its
        // work takes on a busy machine; the winner hears nothing ephemeral.
        var winner = Array.FindIndex(
            approvers, approver => merged.Text!.Contains($"<@{approver}>", StringComparison.Ordinal));
        Assert.True(winner >= 0, merged.Text);
        var losers = await Task.WhenAll(clicks.Where((_, i) => i != winner).Select(setup.ToldAsync));
        await setup.Bot.DrainAsync();

        Assert.Single(setup.GitHub.RequestsTo("PUT", "/merge"));
        Assert.DoesNotContain(setup.Slack.Calls, call => call.Path == clicks[winner].AbsolutePath);
        Assert.All(losers, text => Assert.Contains("already approved", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_approvers_message_Slack_refused_is_posted_again_and_then_works()
    {
        await using var setup = await ApprovalSetup.StartAsync(settings =>
        {
            settings["Approvals:WatchInterval"] = "00:00:00.200";
            settings["Approvals:RepostAfter"] = "00:00:00.500";
        });
        setup.Slack.RefusedPosts[ApprovalSetup.ApproverChannel] = 1;
        var reply = await setup.DiagnoseAsync();

        await setup.RequestedAsync(reply);
        var approval = await setup.Slack.WaitForAsync(
            call => call.Method == "chat.postMessage" && call.Channel == ApprovalSetup.ApproverChannel
                    && call.Answer?["ok"]?.GetValue<bool>() == true,
            TimeSpan.FromSeconds(30));
        await setup.ClickAsync(approval, Approve, Admin);

        await setup.ThreadMessageAsync("is merged");
        Assert.Equal(2, setup.Slack.Calls.Count(
            call => call.Method == "chat.postMessage" && call.Channel == ApprovalSetup.ApproverChannel));
    }

    [Fact]
    public async Task Deny_closes_the_pull_request_with_the_reason()
    {
        await using var setup = await ApprovalSetup.StartAsync();
        var reply = await setup.DiagnoseAsync();
        await setup.RequestedAsync(reply);
        var approval = await setup.ApprovalMessageAsync();

        await setup.ClickAsync(approval, Deny, GroupAdmin);

        var denied = await setup.ThreadMessageAsync("was denied");
        Assert.Contains($"<@{GroupAdmin}>", denied.Text, StringComparison.Ordinal);
        var pull = Assert.Single(setup.GitHub.State.PullRequests);
        Assert.Equal("closed", pull.State);
        Assert.False(pull.Merged);
        Assert.Contains(
            pull.Comments,
            comment => comment.Contains($"denied by {GroupAdmin}", StringComparison.Ordinal));
        Assert.Empty(setup.GitHub.RequestsTo("PUT", "/merge"));
    }

    [Fact]
    public async Task Approve_still_works_after_a_restart()
    {
        await using var setup = await ApprovalSetup.StartAsync();
        var reply = await setup.DiagnoseAsync();
        await setup.RequestedAsync(reply);
        var approval = await setup.ApprovalMessageAsync();

        await setup.StopBotAsync();
        await setup.StartBotAsync();
        await setup.ClickAsync(approval, Approve, Admin);

        await setup.ThreadMessageAsync("is merged");
        Assert.True(Assert.Single(setup.GitHub.State.PullRequests).Merged);
    }

    [Fact]
    public async Task Git_review_mode_waits_for_the_merge_in_git_even_across_a_restart()
    {
        static void GitReview(Dictionary<string, string?> settings)
        {
            settings["Approvals:Mode"] = "git-review";
            settings["Approvals:WatchInterval"] = "00:00:00.200";
        }

        await using var setup = await ApprovalSetup.StartAsync(GitReview);
        var reply = await setup.DiagnoseAsync();
        await setup.RequestedAsync(reply);
        var approval = await setup.ApprovalMessageAsync();

        await setup.ClickAsync(approval, Approve, Admin);
        await setup.ThreadMessageAsync("approved by");
        Assert.Empty(setup.GitHub.RequestsTo("PUT", "/merge"));

        // The bot stops; a reviewer merges in GitHub meanwhile; the new bot notices.
        await setup.StopBotAsync();
        var pull = Assert.Single(setup.GitHub.State.PullRequests);
        lock (setup.GitHub.State.Gate)
        {
            pull.Merged = true;
            pull.State = "closed";
        }

        await setup.StartBotAsync(GitReview);
        await setup.ThreadMessageAsync("is merged");
    }

    [Fact]
    public async Task Without_a_repository_the_button_says_so_and_opens_nothing()
    {
        await using var setup = await ApprovalSetup.StartAsync(settings =>
        {
            foreach (var key in settings.Keys
                .Where(key => key.StartsWith("GitHub:", StringComparison.Ordinal))
                .ToList())
            {
                settings.Remove(key);
            }
        });
        var reply = await setup.DiagnoseAsync();

        var told = await setup.ToldAsync(await setup.ClickAsync(reply, RequestAccess, Requester));

        Assert.Contains("No RBAC repository is configured", told, StringComparison.Ordinal);
        Assert.Empty(setup.GitHub.Requests);
    }

    [Fact]
    public async Task A_repository_with_no_readable_rbac_file_fails_the_request_and_says_why()
    {
        await using var setup = await ApprovalSetup.StartAsync();
        setup.GitHub.State.CommitFile("main", RbacFile, "kind: [unclosed\n");
        var reply = await setup.DiagnoseAsync();

        var told = await setup.ToldAsync(await setup.ClickAsync(reply, RequestAccess, Requester));

        Assert.StartsWith("⚠️ I could not open the pull request: ", told, StringComparison.Ordinal);
        Assert.True(told.Contains("holds RBAC objects to follow", StringComparison.Ordinal), told);
        Assert.Contains($"Could not read {RbacFile}: ", told, StringComparison.Ordinal);
        Assert.Contains("The request is marked as failed", told, StringComparison.Ordinal);
        Assert.DoesNotContain("..", told, StringComparison.Ordinal);
        Assert.Empty(setup.GitHub.RequestsTo("POST", "/pulls"));
        Assert.Empty(setup.GitHub.State.PullRequests);
        await setup.Bot.DrainAsync();
        Assert.DoesNotContain(setup.Slack.Calls, call => call.Channel == ApproverChannel);
    }

    [Fact]
    public async Task A_click_naming_an_unknown_request_changes_nothing()
    {
        await using var setup = await ApprovalSetup.StartAsync();
        var reply = await setup.DiagnoseAsync();
        const string Unknown = "AAAAAAAAAAAAAAAAAAAAAA";
        var button = new JsonObject
        {
            ["action_id"] = RequestAccess,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Request access" },
            ["value"] = Unknown,
        };
        var responseUrl = setup.Slack.ResponseUrl("actions", "unknownid");
        using (var ack = await setup.Bot.SendAsync(SignedRequests.Interaction(SlackPayloads.BlockAction(
            Requester, Channel, (string)reply.Answer!["ts"]!, reply.ThreadTs, responseUrl,
            SlackPayloads.ButtonAction("k8s_access.request:" + Unknown, button)))))
        {
            ack.EnsureSuccessStatusCode();
        }

        var told = await setup.ToldAsync(responseUrl);
        Assert.Contains("Run the check again", told, StringComparison.Ordinal);

        Assert.Empty(setup.GitHub.Requests);
    }

    private static void AssertOneBindingAppended(string committed)
    {
        Assert.StartsWith(OriginalRbacFile, committed, StringComparison.Ordinal);
        var added = KubernetesYaml.LoadAllFromString(AppendedPart(committed));
        var binding = Assert.IsType<V1RoleBinding>(Assert.Single(added));
        Assert.Equal(("rb:hello", "hello"), (binding.Metadata.Name, binding.Metadata.NamespaceProperty));
        Assert.Equal(("ClusterRole", "edit"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal("fake_company:server", Assert.Single(binding.Subjects).Name);
    }

    private static string AppendedPart(string committed) => committed[OriginalRbacFile.Length..];
}
