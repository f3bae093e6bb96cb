using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// <c>diagnose --kubeconfig</c> end to end: the command line reads the seed case's cluster from
/// a fake API server over HTTP, asks it SubjectAccessReviews, and explains the answer.
/// </summary>
public sealed class LiveDiagnoseTests
{
    [Fact]
    public async Task Seed_case_against_a_live_cluster_proposes_the_missing_binding()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);

        var result = await LiveCli.RunAsync(LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(result.Output)!;
        SeedCase.AssertMissingBindingFix(report);
        var authorization = SeedCase.Check(report, "authorization");
        Assert.Equal("fail", (string?)authorization["status"]);
        Assert.StartsWith("SubjectAccessReview for EKSGetTokenAuth:", (string)authorization["detail"]!,
            StringComparison.Ordinal);
        Assert.False(SeedCase.HasCheck(report, "bot-permissions"));
        Assert.Equal("aws-auth", (string?)report["identity"]!["source"]);

        SeedCase.AssertReviewsAskedForTheCaller(api.Reviews);
        Assert.All(api.Requests,
            request => Assert.Equal($"Bearer {TempKubeconfig.Token}", request.Authorization));
        Assert.Single(api.RequestsTo($"/api/v1/namespaces/{SeedCase.Namespace}/pods/{SeedCase.Pod}"));
        Assert.Single(api.RequestsTo("/api/v1/namespaces/kube-system/configmaps/aws-auth"));
        Assert.DoesNotContain(TempKubeconfig.Token, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_that_allows_the_request_gives_already_allowed_and_exit_code_1()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);

        // The snapshot's own RBAC denies this: only the server's answer can make it allowed.
        api.Reviews.Allows = spec => spec.Groups.Contains("fake_company:server")
            && spec.ResourceAttributes is
                { NamespaceProperty: "hello", Resource: "pods", Subresource: "exec" };

        var result = await LiveCli.RunAsync(LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--format", "json");

        Assert.True(result.ExitCode == 1, result.Error);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal("AlreadyAllowed", (string?)report["cause"]!["code"]);
        Assert.True((bool)report["allowed"]!);
        Assert.Null(report["fix"]);
        var authorization = SeedCase.Check(report, "authorization");
        Assert.Equal("pass", (string?)authorization["status"]);
        Assert.StartsWith("SubjectAccessReview", (string)authorization["detail"]!, StringComparison.Ordinal);
        SeedCase.AssertReviewsAskedForTheCaller(api.Reviews);
    }

    [Fact]
    public async Task Server_that_allows_only_the_websocket_get_still_reports_create_denied()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        api.Reviews.Allows = spec => spec.ResourceAttributes?.Verb == "get";

        var result = await LiveCli.RunAsync(LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--format", "json");

        var report = JsonNode.Parse(result.Output)!;
        Assert.False((bool)report["allowed"]!);
        var detail = SeedCase.Detail(report, "authorization");
        Assert.Contains("create pods/exec: denied", detail, StringComparison.Ordinal);
        Assert.Contains("get pods/exec: allowed", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_server_error_on_rolebindings_is_retried_and_changes_nothing()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        var rolebindings = ExampleClusterApi.ListPath("rolebindings");
        api.FailNext(rolebindings, ApiStatus.InternalError());

        var result = await LiveCli.RunAsync(LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(result.Output)!;
        SeedCase.AssertMissingBindingFix(report);
        Assert.False(SeedCase.HasCheck(report, "bot-permissions"));
        Assert.Equal(2, api.RequestsTo(rolebindings).Count);

        // The sibling binding rb:goodbye came through the retried read: the fix follows it.
        Assert.Contains(
            "rb:goodbye",
            SeedCase.Detail(report, "sibling-namespaces"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_forbidden_to_list_clusterrolebindings_warns_about_the_bot_not_the_user()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        var clusterRoleBindings = ExampleClusterApi.ListPath("clusterrolebindings");
        const string bot = "system:serviceaccount:k8s-access:k8s-access-bot";
        api.AlwaysFail(clusterRoleBindings,
            ApiStatus.ForbiddenList(bot, "clusterrolebindings", ApiStatus.RbacGroup));

        var result = await LiveCli.RunAsync(LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(result.Output)!;
        SeedCase.AssertMissingBindingFix(report);
        var warning = SeedCase.Check(report, "bot-permissions");
        Assert.Equal("warn", (string?)warning["status"]);
        var detail = (string)warning["detail"]!;
        Assert.StartsWith("The bot cannot list clusterrolebindings (403 Forbidden)", detail,
            StringComparison.Ordinal);
        Assert.Contains("grant it", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedCase.User, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("clusterrolebindings", (string)report["cause"]!["summary"]!,
            StringComparison.Ordinal);

        // A refusal is not retried, and the authoritative answer still came from the server.
        Assert.Single(api.RequestsTo(clusterRoleBindings));
        Assert.StartsWith("SubjectAccessReview", SeedCase.Detail(report, "authorization"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_forbidden_to_create_reviews_falls_back_to_its_own_evaluation()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        api.AlwaysFail(FakeAccessReviews.Path,
            ApiStatus.ForbiddenReview("system:serviceaccount:k8s-access:k8s-access-bot"));

        var result = await LiveCli.RunAsync(LiveCli.SeedError,
            "diagnose", "--kubeconfig", kubeconfig.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(result.Output)!;
        SeedCase.AssertMissingBindingFix(report);

        // Both reviews were tried; with no answer from the server the report must not claim one.
        Assert.Equal(2, api.RequestsTo(FakeAccessReviews.Path).Count);
        var detail = SeedCase.Detail(report, "authorization");
        Assert.DoesNotContain("SubjectAccessReview", detail, StringComparison.Ordinal);

        // The bot's own missing permission is reported once, as the bot's problem.
        var warning = Assert.Single(
            report["checks"]!.AsArray(),
            check => check!["name"]!.ToString() == "bot-permissions")!;
        Assert.Equal("warn", warning["status"]!.ToString());
        Assert.Contains(
            "cannot create subjectaccessreviews",
            warning["detail"]!.ToString(),
            StringComparison.Ordinal);
    }
}
