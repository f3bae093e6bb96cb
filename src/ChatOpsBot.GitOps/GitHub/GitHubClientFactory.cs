using Octokit;
using Octokit.Internal;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>Builds the Octokit client for the configured API address and credentials.</summary>
internal static class GitHubClientFactory
{
    /// <summary>The User-Agent GitHub sees.</summary>
    public static readonly ProductHeaderValue ProductHeader = new("k8s-access-bot");

    private static readonly Uri GitHubApi = new("https://api.github.com/");

    /// <summary>The API base with the trailing slash Octokit's relative URLs need.</summary>
    public static Uri BaseAddress(GitHubRbacOptions options)
    {
        var url = options.ApiBaseUrl ?? GitHubApi;
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>The client, with a token or with a GitHub App installation's tokens.</summary>
    public static GitHubClient Create(GitHubRbacOptions options, TimeProvider time, out IDisposable? owned)
    {
        var baseAddress = BaseAddress(options);
        ICredentialStore credentials;
        owned = null;
        if (!string.IsNullOrEmpty(options.Token))
        {
            credentials = new InMemoryCredentialStore(new Credentials(options.Token));
        }
        else
        {
            var app = new GitHubAppCredentialStore(
                options.AppId!.Value, options.PrivateKeyPem!, options.InstallationId!.Value, baseAddress, time);
            credentials = app;
            owned = app;
        }

        return new GitHubClient(new Connection(ProductHeader, baseAddress, credentials));
    }
}
