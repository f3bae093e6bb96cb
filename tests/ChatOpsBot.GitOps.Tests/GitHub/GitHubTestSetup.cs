using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.GitOps.GitHub;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.GitOps.Tests.Editing;

namespace ChatOpsBot.GitOps.Tests.GitHub;

/// <summary>A fake GitHub seeded with the example RBAC repository, and clients pointed at it.</summary>
public abstract class GitHubTestSetup : IAsyncLifetime
{
    protected const string RbacFile = "clusters/dev-a/fake-company-dev-a.yaml";
    protected const string Branch = "k8s-access/req-1";

    internal FakeGitHub GitHub { get; private set; } = null!;

    protected string Original { get; } = Fixes.SeedFile();

    public async Task InitializeAsync()
    {
        GitHub = await FakeGitHub.StartAsync();
        GitHub.State.Seed(new Dictionary<string, string>
        {
            [RbacFile] = Original,
            ["README.md"] = "# RBAC for our clusters\n",
            ["clusters/prod/fake-company-prod.yaml"] =
                "# prod\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod-apps}\n",
        });
    }

    public async Task DisposeAsync() => await GitHub.DisposeAsync();

    internal GitHubRbacRepository Repository(Action<GitHubRbacOptions>? configure = null)
    {
        var options = new GitHubRbacOptions
        {
            Owner = FakeGitHub.Owner,
            Repository = FakeGitHub.Repo,
            Token = GitHub.Token,
            ApiBaseUrl = GitHub.ApiBase,
            Directory = "clusters/dev-a",
            Labels = { "k8s-access", "rbac" },
            Reviewers = { "alice" },
            TeamReviewers = { "platform-admins" },
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(50) },
        };
        configure?.Invoke(options);
        return new GitHubRbacRepository(options);
    }

    internal static AccessChange Change(string requestId = "req-1", ProposedFix? fix = null) =>
        new(requestId, "Dana Developer", fix ?? Fixes.RoleBinding())
        {
            WhatFailed = "EKSGetTokenAuth: create pods/exec in namespace hello",
            Diagnosis = "No binding grants group fake_company:server anything in namespace hello.",
            Checks =
            [
                new Check("namespace-exists", CheckStatus.Pass, "Namespace hello exists."),
                new Check("binding-matches", CheckStatus.Fail,
                    "No RoleBinding in hello names fake_company:server."),
            ],
        };
}
