using ChatOpsBot.Teams.Configuration;

namespace ChatOpsBot.Teams.Tests.Unit;

public sealed class TeamsOptionsValidatorTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void An_app_id_and_its_password_are_enough() =>
        Assert.True(new TeamsOptionsValidator()
            .Validate(null, new TeamsOptions { AppId = AppId, AppPassword = "s3cret" }).Succeeded);

    [Fact]
    public void Without_a_password_no_reply_could_be_sent_so_it_is_refused()
    {
        var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions { AppId = AppId });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AppPasswordFile", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, TeamsOptions.DefaultOpenIdMetadataUrl, "Teams:AppId is required")]
    [InlineData("my-bot", null, TeamsOptions.DefaultOpenIdMetadataUrl, "Teams:AppId must be a GUID")]
    [InlineData(AppId, "contoso.onmicrosoft.com", TeamsOptions.DefaultOpenIdMetadataUrl, "Teams:TenantId")]
    [InlineData(AppId, null, "http://login.botframework.com/v1/.well-known/openidconfiguration", "OpenIdMetadataUrl")]
    [InlineData(AppId, null, "not a url", "OpenIdMetadataUrl")]
    public void Bad_settings_are_named(string? appId, string? tenant, string metadataUrl, string expected)
    {
        var result = new TeamsOptionsValidator().Validate(
            null, new TeamsOptions { AppId = appId, TenantId = tenant, OpenIdMetadataUrl = metadataUrl });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_is_read_from_its_file_and_never_echoed_on_error()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "s3cret-value\n");
            var options = new TeamsOptions { AppId = AppId, AppPasswordFile = file };
            new TeamsSecretFileLoader().PostConfigure(null, options);
            Assert.Equal("s3cret-value", options.AppPassword);

            var both = new TeamsOptions { AppId = AppId, AppPassword = "other-secret", AppPasswordFile = file };
            new TeamsSecretFileLoader().PostConfigure(null, both);
            var result = new TeamsOptionsValidator().Validate(null, both);
            Assert.True(result.Failed);
            Assert.DoesNotContain("other-secret", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
