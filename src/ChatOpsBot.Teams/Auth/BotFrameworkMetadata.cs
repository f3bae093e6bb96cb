using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatOpsBot.Teams.Auth;

/// <summary>Builds the cached, self-refreshing source of the Bot Framework signing keys.</summary>
public static class BotFrameworkMetadata
{
    /// <summary>
    /// A configuration manager for <paramref name="metadataUrl"/>. It refreshes the document on
    /// its own every 12 hours and at most every 5 minutes on request (an unknown key id).
    /// Plain http is allowed only for loopback addresses, which tests use.
    /// </summary>
    public static ConfigurationManager<OpenIdConnectConfiguration> Create(
        string metadataUrl, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        ArgumentNullException.ThrowIfNull(httpClient);
        var uri = new Uri(metadataUrl, UriKind.Absolute);
        var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !uri.IsLoopback };
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
    }
}
