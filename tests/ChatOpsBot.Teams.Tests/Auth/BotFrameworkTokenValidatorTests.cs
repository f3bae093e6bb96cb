using ChatOpsBot.Teams.Auth;
using ChatOpsBot.Teams.Configuration;
using ChatOpsBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Tests.Auth;

/// <summary>Tokens signed by a local key, checked against a local OpenID server over HTTP.</summary>
public sealed class BotFrameworkTokenValidatorTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "22222222-2222-2222-2222-222222222222";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/22222222-2222-2222-2222-222222222222/";

    private readonly TestSigningKey _key = new("key-1", "msteams", "webchat");
    private readonly TestSigningKey _otherKey = new("key-1");
    private readonly HttpClient _http = new();
    private FakeOpenIdServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenIdServer.StartAsync(_key);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
        _otherKey.Dispose();
    }

    [Fact]
    public async Task A_token_signed_by_a_published_key_for_this_app_and_service_url_is_accepted()
    {
        var result = await Validator().ValidateAsync(
            "Bearer " + _key.CreateToken(AppId, ServiceUrl), ServiceUrl, "msteams", default);

        Assert.True(result.IsValid, result.Refusal.ToString());
        Assert.Equal(ServiceUrl, result.ServiceUrlClaim);
        Assert.Equal(AppId, result.Identity!.FindFirst("aud")!.Value);
    }

    [Fact]
    public async Task The_scheme_is_matched_without_regard_to_case()
    {
        var result = await Validator().ValidateAsync(
            "bearer " + _key.CreateToken(AppId, ServiceUrl), ServiceUrl, "msteams", default);

        Assert.True(result.IsValid, result.Refusal.ToString());
    }

    [Fact]
    public async Task A_token_for_another_app_is_refused()
    {
        var token = _key.CreateToken("99999999-9999-9999-9999-999999999999", ServiceUrl);

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.WrongAudience, result.Refusal);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var token = _key.CreateToken(AppId, ServiceUrl, issuer: "https://sts.windows.net/" + TenantId + "/");

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.WrongIssuer, result.Refusal);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + TenantId + "/")]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0")]
    public async Task The_configured_tenant_issuers_are_accepted_only_when_a_tenant_is_set(string issuer)
    {
        var token = "Bearer " + _key.CreateToken(AppId, ServiceUrl, issuer: issuer);

        var withTenant = await Validator(TenantId).ValidateAsync(token, ServiceUrl, "msteams", default);
        var otherTenant = await Validator("33333333-3333-3333-3333-333333333333")
            .ValidateAsync(token, ServiceUrl, "msteams", default);

        Assert.True(withTenant.IsValid, withTenant.Refusal.ToString());
        Assert.Equal(TokenRefusal.WrongIssuer, otherTenant.Refusal);
    }

    [Fact]
    public async Task A_token_expired_beyond_the_five_minute_skew_is_refused()
    {
        var token = _key.CreateToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6));

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.Expired, result.Refusal);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        var token = _key.CreateToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-3));

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, "msteams", default);

        Assert.True(result.IsValid, result.Refusal.ToString());
    }

    [Fact]
    public async Task A_token_signed_by_an_unpublished_key_with_the_same_key_id_is_refused()
    {
        var token = _otherKey.CreateToken(AppId, ServiceUrl);

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.BadSignature, result.Refusal);
    }

    [Fact]
    public async Task A_token_whose_payload_was_altered_after_signing_is_refused()
    {
        var parts = _key.CreateToken(AppId, ServiceUrl).Split('.');
        var forged = _key.CreateToken(AppId, "https://attacker.example/").Split('.');
        var spliced = string.Join('.', parts[0], forged[1], parts[2]);

        var result = await Validator().ValidateAsync(
            "Bearer " + spliced, "https://attacker.example/", "msteams", default);

        Assert.Equal(TokenRefusal.BadSignature, result.Refusal);
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var parts = _key.CreateToken(AppId, ServiceUrl).Split('.');
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var unsigned = header + "." + parts[1] + ".";

        var result = await Validator().ValidateAsync("Bearer " + unsigned, ServiceUrl, "msteams", default);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_service_url_other_than_the_tokens_is_refused()
    {
        var token = _key.CreateToken(AppId, ServiceUrl);

        var result = await Validator().ValidateAsync(
            "Bearer " + token, "https://attacker.example/amer/", "msteams", default);

        Assert.Equal(TokenRefusal.ServiceUrlMismatch, result.Refusal);
    }

    [Fact]
    public async Task A_token_without_a_service_url_claim_is_refused()
    {
        var token = _key.CreateToken(AppId, serviceUrl: null);

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.ServiceUrlMismatch, result.Refusal);
    }

    [Fact]
    public async Task A_channel_the_signing_key_does_not_endorse_is_refused()
    {
        var token = _key.CreateToken(AppId, ServiceUrl);

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, "slack", default);

        Assert.Equal(TokenRefusal.ChannelNotEndorsed, result.Refusal);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData(null)]
    public async Task Only_teams_activities_are_taken_even_from_a_key_that_endorses_others(string? channel)
    {
        // The key endorses webchat too, but a Web Chat client writes its own "from".
        var token = _key.CreateToken(AppId, ServiceUrl);

        var result = await Validator().ValidateAsync("Bearer " + token, ServiceUrl, channel, default);

        Assert.Equal(TokenRefusal.ChannelNotEndorsed, result.Refusal);
    }

    [Fact]
    public async Task A_key_that_endorses_no_channel_is_refused()
    {
        using var plain = new TestSigningKey("key-plain");
        _server.PublishKeys(_key, plain);

        var result = await Validator().ValidateAsync(
            "Bearer " + plain.CreateToken(AppId, ServiceUrl), ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.ChannelNotEndorsed, result.Refusal);
    }

    [Theory]
    [InlineData(null, TokenRefusal.MissingHeader)]
    [InlineData("", TokenRefusal.MissingHeader)]
    [InlineData("Basic dXNlcjpwYXNz", TokenRefusal.NotBearer)]
    [InlineData("Bearer ", TokenRefusal.Malformed)]
    [InlineData("Bearer not-a-jwt", TokenRefusal.Malformed)]
    public async Task A_missing_or_malformed_header_is_refused(string? header, TokenRefusal expected)
    {
        var result = await Validator().ValidateAsync(header, ServiceUrl, "msteams", default);

        Assert.Equal(expected, result.Refusal);
    }

    [Fact]
    public async Task A_huge_header_is_refused_without_parsing()
    {
        var result = await Validator().ValidateAsync(
            "Bearer " + new string('a', 100_000), ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.Malformed, result.Refusal);
    }

    [Fact]
    public async Task Unreachable_metadata_refuses_the_token()
    {
        var unreachable = "http://127.0.0.1:1/v1/.well-known/openidconfiguration";
        var validator = Validator(metadataUrl: unreachable);

        var result = await validator.ValidateAsync(
            "Bearer " + _key.CreateToken(AppId, ServiceUrl), ServiceUrl, "msteams", default);

        Assert.Equal(TokenRefusal.MetadataUnavailable, result.Refusal);
    }

    [Fact]
    public async Task The_keys_are_fetched_once_and_then_cached()
    {
        var validator = Validator();
        var token = "Bearer " + _key.CreateToken(AppId, ServiceUrl);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await validator.ValidateAsync(token, ServiceUrl, "msteams", default)).IsValid);
        }

        Assert.Equal(1, _server.KeyRequests);
    }

    private BotFrameworkTokenValidator Validator(string? tenantId = null, string? metadataUrl = null)
    {
        var options = Options.Create(new TeamsOptions
        {
            AppId = AppId,
            TenantId = tenantId,
            OpenIdMetadataUrl = metadataUrl ?? _server.MetadataUrl,
        });
        var metadata = BotFrameworkMetadata.Create(options.Value.OpenIdMetadataUrl, _http);
        return new BotFrameworkTokenValidator(options, metadata, NullLogger<BotFrameworkTokenValidator>.Instance);
    }
}
