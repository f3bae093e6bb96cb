using ChatOpsBot.Slack.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class SlackOptionsTests : IDisposable
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private const string Secret = "sUpEr-SeCrEt-signing-value";
    private const string Token = "xoxb-1111-2222-not-a-real-token";
    private const string DevRole = "arn:aws:iam::111122223333:role/dev";
    private readonly string _dir = Directory.CreateTempSubdirectory("slack-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SlackOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = Provider(configuration);
        return provider.GetRequiredService<IOptions<SlackOptions>>().Value;
    }

    private static ServiceProvider Provider(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddSlackFrontEnd(configuration).BuildServiceProvider();

    private static OptionsValidationException Fails(Dictionary<string, string?> settings) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(settings));

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Slack:SigningSecret"] = Secret,
        ["Slack:BotToken"] = Token,
    };

    [Fact]
    public void Valid_settings_bind_with_their_defaults()
    {
        var options = Resolve(Valid());

        Assert.Equal(Secret, options.SigningSecret);
        Assert.Equal("https://slack.com/api/", options.ApiBaseUrl);
        Assert.Equal("/k8s-access", options.CommandName);
        Assert.True(options.EnableHttpEndpoints);
    }

    [Fact]
    public void Environment_variables_work_through_normal_configuration()
    {
        Environment.SetEnvironmentVariable("CHATOPSTEST1_Slack__SigningSecret", Secret);
        Environment.SetEnvironmentVariable("CHATOPSTEST1_Slack__BotToken", Token);
        Environment.SetEnvironmentVariable("CHATOPSTEST1_Slack__UserMappings__0__SlackUserId", "U0123ABCD");
        Environment.SetEnvironmentVariable(
            "CHATOPSTEST1_Slack__UserMappings__0__RoleArn", "arn:aws:iam::111122223333:role/dev");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("CHATOPSTEST1_").Build();
            using var provider = Provider(configuration);
            var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;

            Assert.Equal(Secret, options.SigningSecret);
            Assert.Equal("U0123ABCD", Assert.Single(options.UserMappings).SlackUserId);
        }
        finally
        {
            string[] names =
                ["SigningSecret", "BotToken", "UserMappings__0__SlackUserId", "UserMappings__0__RoleArn"];
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable("CHATOPSTEST1_Slack__" + name, null);
            }
        }
    }

    [Fact]
    public void Secrets_are_read_from_files_without_the_trailing_newline()
    {
        var secretFile = Path.Combine(_dir, "signing-secret");
        var tokenFile = Path.Combine(_dir, "bot-token");
        var appFile = Path.Combine(_dir, "app-token");
        File.WriteAllText(secretFile, Secret + "\n");
        File.WriteAllText(tokenFile, Token + "\r\n");
        File.WriteAllText(appFile, "xapp-1-A111-222-abc\n");

        var options = Resolve(new()
        {
            ["Slack:SigningSecretFile"] = secretFile,
            ["Slack:BotTokenFile"] = tokenFile,
            ["Slack:AppTokenFile"] = appFile,
        });

        Assert.Equal(Secret, options.SigningSecret);
        Assert.Equal(Token, options.BotToken);
        Assert.Equal("xapp-1-A111-222-abc", options.AppToken);
    }

    [Fact]
    public void A_missing_secret_file_fails_naming_the_setting()
    {
        var ex = Fails(new()
        {
            ["Slack:SigningSecretFile"] = Path.Combine(_dir, "absent"),
            ["Slack:BotToken"] = Token,
        });

        Assert.Contains("Slack:SigningSecretFile", ex.Message, Ord);
        Assert.DoesNotContain(Token, ex.Message, Ord);
    }

    [Fact]
    public void An_empty_secret_file_fails()
    {
        var file = Path.Combine(_dir, "empty");
        File.WriteAllText(file, "\n");

        var ex = Fails(new() { ["Slack:SigningSecret"] = Secret, ["Slack:BotTokenFile"] = file });

        Assert.Contains("Slack:BotTokenFile names an empty file", ex.Message, Ord);
    }

    [Fact]
    public void A_secret_and_its_file_together_are_refused()
    {
        var file = Path.Combine(_dir, "s");
        File.WriteAllText(file, "other");
        var settings = Valid();
        settings["Slack:SigningSecretFile"] = file;

        var ex = Fails(settings);

        Assert.Contains("Slack:SigningSecret and Slack:SigningSecretFile are both set", ex.Message, Ord);
        Assert.DoesNotContain(Secret, ex.Message, Ord);
    }

    [Fact]
    public void A_missing_signing_secret_fails_while_http_is_on_but_not_for_socket_mode_only()
    {
        var ex = Fails(new() { ["Slack:BotToken"] = Token });
        Assert.Contains("Slack:SigningSecret is required", ex.Message, Ord);

        var socketOnly = Resolve(new()
        {
            ["Slack:BotToken"] = Token,
            ["Slack:AppToken"] = "xapp-1-abc",
            ["Slack:EnableHttpEndpoints"] = "false",
        });
        Assert.Null(socketOnly.SigningSecret);
    }

    [Fact]
    public void A_missing_bot_token_fails()
    {
        var ex = Fails(new() { ["Slack:SigningSecret"] = Secret });

        Assert.Contains("Slack:BotToken is required", ex.Message, Ord);
        Assert.DoesNotContain(Secret, ex.Message, Ord);
    }

    [Theory]
    [InlineData("Slack:ApiBaseUrl", "not a url", "Slack:ApiBaseUrl")]
    [InlineData("Slack:ApiBaseUrl", "ftp://slack.com/api/", "Slack:ApiBaseUrl")]
    [InlineData("Slack:ApiBaseUrl", "https://user:pw@slack.com/api/", "Slack:ApiBaseUrl")]
    [InlineData("Slack:ApiBaseUrl", "https://slack.com/api/?x=1", "Slack:ApiBaseUrl")]
    [InlineData("Slack:CommandName", "k8s-access", "Slack:CommandName")]
    [InlineData("Slack:CommandName", "/K8S", "Slack:CommandName")]
    [InlineData("Slack:AppToken", "xoxb-wrong-kind", "Slack:AppToken")]
    [InlineData("Slack:BotUserId", "bot", "Slack:BotUserId")]
    [InlineData("Slack:MaxRequestBodyBytes", "10", "Slack:MaxRequestBodyBytes")]
    [InlineData("Slack:QueueCapacity", "0", "Slack:QueueCapacity")]
    [InlineData("Slack:MaxConcurrentWork", "0", "Slack:MaxConcurrentWork")]
    [InlineData("Slack:DeduplicationWindow", "00:01:00", "Slack:DeduplicationWindow")]
    [InlineData("Slack:WorkTimeout", "00:00:00", "Slack:WorkTimeout")]
    public void Malformed_settings_fail_with_a_line_naming_them(string key, string value, string named)
    {
        var settings = Valid();
        settings[key] = value;

        var ex = Fails(settings);

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith(named, failure, Ord);
        Assert.DoesNotContain(Secret, ex.Message, Ord);
        Assert.DoesNotContain(Token, ex.Message, Ord);
    }

    [Theory]
    [InlineData("SlackUserId=U0123ABCD", "must set RoleArn, KubernetesUser or KubernetesGroups")]
    [InlineData("RoleArn=" + DevRole, "exactly one of SlackUserId or SlackUserGroupId")]
    [InlineData("SlackUserId=U0123ABCD;SlackUserGroupId=S0123ABCD;RoleArn=" + DevRole, "exactly one of")]
    [InlineData("SlackUserId=bob;RoleArn=" + DevRole, "SlackUserId must be a Slack user id")]
    [InlineData("SlackUserGroupId=U0123ABCD;RoleArn=" + DevRole, "SlackUserGroupId must be")]
    [InlineData("SlackUserId=U0123ABCD;RoleArn=role/dev", "RoleArn must be an IAM role")]
    [InlineData("SlackUserId=U0123ABCD;KubernetesGroups:0= ", "KubernetesGroups holds an empty")]
    public void Malformed_mappings_fail_naming_the_entry(string fields, string expected)
    {
        var settings = Valid();
        settings["Slack:UserMappings:0:SlackUserId"] = "U0GOOD001";
        settings["Slack:UserMappings:0:RoleArn"] = "arn:aws:iam::111122223333:role/ok";
        foreach (var field in fields.Split(';'))
        {
            var equals = field.IndexOf('=', Ord);
            var (name, value) = (field[..equals], field[(equals + 1)..]);
            settings["Slack:UserMappings:1:" + name] = value;
        }

        var ex = Fails(settings);

        Assert.Contains(ex.Failures, f => f.StartsWith("Slack:UserMappings:1", Ord)
                                          && f.Contains(expected, Ord));
        Assert.DoesNotContain(ex.Failures, f => f.StartsWith("Slack:UserMappings:0", Ord));
    }

    [Fact]
    public void ToString_never_shows_a_secret()
    {
        var options = new SlackOptions
        {
            SigningSecret = Secret,
            BotToken = Token,
            AppToken = "xapp-secret-app-token",
        };

        var text = options.ToString();

        Assert.DoesNotContain(Secret, text, Ord);
        Assert.DoesNotContain(Token, text, Ord);
        Assert.DoesNotContain("xapp-secret", text, Ord);
        Assert.Contains("SigningSecret = (set)", text, Ord);
    }
}
