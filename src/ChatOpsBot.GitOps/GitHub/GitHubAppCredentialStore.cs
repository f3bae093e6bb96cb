using Octokit;
using Octokit.Internal;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>
/// Credentials of a GitHub App installation: an installation token fetched with the App's JWT,
/// cached and renewed five minutes before it expires.
/// </summary>
internal sealed class GitHubAppCredentialStore(
    long appId, string privateKeyPem, long installationId, Uri apiBaseUrl, TimeProvider time) : ICredentialStore, IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Credentials? _credentials;
    private DateTimeOffset _expires;

    public async Task<Credentials> GetCredentials()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_credentials is null || time.GetUtcNow() >= _expires - RenewBefore)
            {
                var jwt = GitHubAppJwt.Create(appId, privateKeyPem, time.GetUtcNow());
                var app = new GitHubClient(new Connection(GitHubClientFactory.ProductHeader, apiBaseUrl,
                    new InMemoryCredentialStore(new Credentials(jwt, AuthenticationType.Bearer))));
                var token = await app.GitHubApps.CreateInstallationToken(installationId).ConfigureAwait(false);
                _credentials = new Credentials(token.Token);
                _expires = token.ExpiresAt;
            }

            return _credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
