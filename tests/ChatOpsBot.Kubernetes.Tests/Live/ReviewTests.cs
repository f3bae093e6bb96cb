using System.Text.Json.Nodes;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>ReviewAsync: the SubjectAccessReview the real client posts, and how answers are read.</summary>
public sealed class ReviewTests : IAsyncLifetime
{
    private static readonly UserInfo Developer = new(
        "EKSGetTokenAuth", ["fake_company:server", "system:authenticated"]);

    private static readonly RequestAttributes Exec = new()
    {
        Verb = "create",
        Resource = "pods",
        Subresource = "exec",
        Namespace = "hello",
        Name = FakeCluster.HelloPod,
    };

    private readonly ListLogger logger = new();
    private FakeKubeApi api = null!;

    public async Task InitializeAsync() => api = await FakeKubeApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task PostsExactlyTheUserGroupsAndResourceAttributes()
    {
        const string Reason = "RBAC: allowed by RoleBinding \"rb:hello/hello\" of ClusterRole \"edit\"";
        api.On("POST", KubePaths.SubjectAccessReviews, Answer(allowed: true, reason: Reason));
        using var source = LiveTestSetup.SourceFor(api, logger);

        var review = await source.ReviewAsync(Developer, Exec, default);

        Assert.Equal(new AccessReview(true, Reason, FromServer: true), review);
        var sent = JsonNode.Parse(Assert.Single(api.RequestsTo(KubePaths.SubjectAccessReviews)).Body)!;
        Assert.Equal("authorization.k8s.io/v1", (string?)sent["apiVersion"]);
        Assert.Equal("SubjectAccessReview", (string?)sent["kind"]);
        var spec = sent["spec"]!;
        Assert.Equal("EKSGetTokenAuth", (string?)spec["user"]);
        Assert.Equal(["fake_company:server", "system:authenticated"],
            spec["groups"]!.AsArray().Select(group => (string?)group));
        Assert.Null(spec["nonResourceAttributes"]);
        var attributes = spec["resourceAttributes"]!.AsObject();
        Assert.Equal("hello", (string?)attributes["namespace"]);
        Assert.Equal("create", (string?)attributes["verb"]);
        Assert.Equal("pods", (string?)attributes["resource"]);
        Assert.Equal("exec", (string?)attributes["subresource"]);
        Assert.Equal(FakeCluster.HelloPod, (string?)attributes["name"]);
        Assert.True(attributes["group"] is null || (string?)attributes["group"] == "");
    }

    [Fact]
    public async Task KeepsEveryGroupInOrderAndTheApiGroup()
    {
        api.On("POST", KubePaths.SubjectAccessReviews, Answer(allowed: false));
        var serviceAccount = new UserInfo("system:serviceaccount:argocd:argocd-server",
            [
                "system:serviceaccounts", "system:serviceaccounts:argocd",
                "system:authenticated", "system:authenticated",
            ]);
        var request = new RequestAttributes
        {
            Verb = "patch",
            ApiGroup = "apps",
            Resource = "deployments",
            Namespace = "hello",
        };
        using var source = LiveTestSetup.SourceFor(api, logger);

        await source.ReviewAsync(serviceAccount, request, default);

        var spec = JsonNode.Parse(api.RequestsTo(KubePaths.SubjectAccessReviews)[0].Body)!["spec"]!;
        Assert.Equal(serviceAccount.Groups, spec["groups"]!.AsArray().Select(group => (string?)group));
        Assert.Equal("apps", (string?)spec["resourceAttributes"]!["group"]);
        Assert.Null(spec["resourceAttributes"]!["subresource"]);
        Assert.Null(spec["resourceAttributes"]!["name"]);
    }

    [Fact]
    public async Task ReadsADenialWithItsReasonAndEvaluationError()
    {
        api.On("POST", KubePaths.SubjectAccessReviews, Answer(allowed: false, denied: true,
            reason: "no RBAC policy matched", evaluationError: "webhook authorizer timed out"));
        using var source = LiveTestSetup.SourceFor(api, logger);

        var review = await source.ReviewAsync(Developer, Exec, default);

        Assert.NotNull(review);
        Assert.False(review.Allowed);
        Assert.True(review.FromServer);
        Assert.Equal(
            "no RBAC policy matched (evaluation error: webhook authorizer timed out)", review.Reason);
    }

    [Fact]
    public async Task SendsNonResourceRequestsAsPathAndVerb()
    {
        api.On("POST", KubePaths.SubjectAccessReviews, Answer(allowed: true));
        var request = new RequestAttributes { Verb = "get", IsResourceRequest = false, Path = "/healthz" };
        using var source = LiveTestSetup.SourceFor(api, logger);

        var review = await source.ReviewAsync(Developer, request, default);

        Assert.True(review!.Allowed);
        Assert.Null(review.Reason);
        var spec = JsonNode.Parse(api.RequestsTo(KubePaths.SubjectAccessReviews)[0].Body)!["spec"]!;
        Assert.Null(spec["resourceAttributes"]);
        Assert.Equal("/healthz", (string?)spec["nonResourceAttributes"]!["path"]);
        Assert.Equal("get", (string?)spec["nonResourceAttributes"]!["verb"]);
    }

    [Theory]
    [InlineData("kubernetes/api-responses/subjectaccessreview/kubectl-v8-v1-response-body.json", true, null)]
    [InlineData("kubernetes/api-responses/schema-roundtrip/authorization.k8s.io.v1.SubjectAccessReview.json",
        true, "reasonValue (evaluation error: evaluationErrorValue)")]
    public async Task ReadsRealAnswerBodies(string fixture, bool allowed, string? reason)
    {
        api.OnJson("POST", KubePaths.SubjectAccessReviews, TestFiles.Read(fixture), 201);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var review = await source.ReviewAsync(Developer, Exec, default);

        Assert.Equal(new AccessReview(allowed, reason, FromServer: true), review);
    }

    [Fact]
    public async Task WithoutPermissionToReviewSaysSoAndWarns()
    {
        api.OnJson("POST", KubePaths.SubjectAccessReviews, KubeStatus.Forbidden(
            "system:serviceaccount:k8s-access-bot:k8s-access-bot", "create", "authorization.k8s.io",
            "subjectaccessreviews"), 403);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var review = await source.ReviewAsync(Developer, Exec, default);

        Assert.NotNull(review);
        Assert.False(review.FromServer);
        Assert.Contains(
            "The bot cannot create subjectaccessreviews (403 Forbidden)",
            review.Problem,
            StringComparison.Ordinal);
        Assert.Single(api.RequestsTo(KubePaths.SubjectAccessReviews));
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("SubjectAccessReviewForbidden", warning.EventId.Name);
        Assert.Contains("{Server}", warning.Template, StringComparison.Ordinal);
        Assert.Equal("403 Forbidden", warning.Values["Status"]);
    }

    [Fact]
    public async Task AnAnswerWithoutStatusIsNoAnswer()
    {
        api.OnJson("POST", KubePaths.SubjectAccessReviews,
            """{"kind":"SubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{}}""", 201);
        using var source = LiveTestSetup.SourceFor(api, logger);

        Assert.Null(await source.ReviewAsync(Developer, Exec, default));
        Assert.Contains(logger.Entries, e => e.EventId.Name == "SubjectAccessReviewUnusable");
    }

    [Fact]
    public async Task AnInvalidReviewIsNoAnswerAndIsNotRetried()
    {
        api.OnJson("POST", KubePaths.SubjectAccessReviews,
            KubeStatus.Invalid("SubjectAccessReview.authorization.k8s.io \"\" is invalid"), 422);
        using var source = LiveTestSetup.SourceFor(api, logger);

        Assert.Null(await source.ReviewAsync(new UserInfo("", []), Exec, default));
        Assert.Single(api.RequestsTo(KubePaths.SubjectAccessReviews));
    }

    [Fact]
    public async Task RefusedCredentialsThrow()
    {
        api.OnJson("POST", KubePaths.SubjectAccessReviews, KubeStatus.Unauthorized(), 401);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.ReviewAsync(Developer, Exec, default));

        Assert.Contains("the bot's credentials were refused", error.Message, StringComparison.Ordinal);
        Assert.Single(api.RequestsTo(KubePaths.SubjectAccessReviews));
    }

    [Fact]
    public async Task AServerErrorIsRetried()
    {
        api.On("POST", KubePaths.SubjectAccessReviews, FakeHandlers.InTurn(
            FakeHandlers.Status(500, KubeStatus.InternalError()), Answer(allowed: true)));
        using var source = LiveTestSetup.SourceFor(api, logger);

        var review = await source.ReviewAsync(Developer, Exec, default);

        Assert.True(review!.Allowed);
        var calls = api.RequestsTo(KubePaths.SubjectAccessReviews);
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Body, calls[1].Body);
    }

    [Fact]
    public async Task AReviewThatNeverComesBackThrowsInBoundedTime()
    {
        api.On("POST", KubePaths.SubjectAccessReviews, FakeHandlers.Never());
        var options = LiveTestSetup.Fast() with
        {
            MaxRetries = 1,
            RequestTimeout = TimeSpan.FromSeconds(1),
        };
        using var source = LiveTestSetup.SourceFor(api, logger, options);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.ReviewAsync(Developer, Exec, default));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, api.RequestsTo(KubePaths.SubjectAccessReviews).Count);
    }

    /// <summary>The API server's reply: the posted review, echoed, with a status added.</summary>
    private static FakeHandler Answer(bool allowed, bool denied = false, string? reason = null,
        string? evaluationError = null) => (request, _) =>
    {
        var review = JsonNode.Parse(request.Body)!.AsObject();
        review["metadata"] = new JsonObject { ["creationTimestamp"] = null };
        var status = new JsonObject { ["allowed"] = allowed };
        if (denied)
        {
            status["denied"] = true;
        }

        if (reason is not null)
        {
            status["reason"] = reason;
        }

        if (evaluationError is not null)
        {
            status["evaluationError"] = evaluationError;
        }

        review["status"] = status;
        return Task.FromResult(FakeResponse.Json(review.ToJsonString(), 201));
    };
}
