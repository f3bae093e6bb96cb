using System.Text;
using System.Text.Json;
using ChatOpsBot.Slack.Http;
using ChatOpsBot.Slack.Tests.Support;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class SlashCommandFormTests
{
    [Theory]
    [InlineData("webhook-collect")]
    [InlineData("weather")]
    public void Slacks_documented_bodies_decode_to_the_documented_fields(string name)
    {
        var body = Encoding.UTF8.GetBytes(Fixture.Text($"slash-commands/{name}.form-urlencoded.txt"));
        using var expected = Fixture.Json($"slash-commands/{name}.parsed.json");

        var form = SlashCommandForm.ReadForm(body)!;

        foreach (var field in expected.RootElement.EnumerateObject())
        {
            Assert.Equal(field.Value.GetString(), form[field.Name].ToString());
        }

        var command = SlashCommandForm.ToSlashCommand(form)!;
        var root = expected.RootElement;
        Assert.Equal(root.GetProperty("command").GetString(), command.Command);
        Assert.Equal(root.GetProperty("user_id").GetString(), command.UserId);
        Assert.Equal(root.GetProperty("channel_id").GetString(), command.ChannelId);
        Assert.Equal(root.GetProperty("team_id").GetString(), command.TeamId);
        Assert.Equal(root.GetProperty("text").GetString(), command.Text);
        Assert.Equal(root.GetProperty("response_url").GetString(), command.ResponseUrl!.ToString());
        Assert.Equal(root.GetProperty("trigger_id").GetString(), command.TriggerId);
    }

    [Fact]
    public void Plus_signs_and_percent_escapes_decode_as_slack_means_them()
    {
        var body = "command=%2Fk8s-access&user_id=U1&text=get+secrets%20-n+hello"u8;

        var form = SlashCommandForm.ReadForm(body)!;

        Assert.Equal("get secrets -n hello", SlashCommandForm.ToSlashCommand(form)!.Text);
    }

    [Theory]
    [InlineData("user_id=U1")]
    [InlineData("command=%2Fk8s-access")]
    [InlineData("command=&user_id=U1")]
    public void A_body_without_command_or_user_is_refused(string body)
    {
        Assert.Null(SlashCommandForm.ToSlashCommand(SlashCommandForm.ReadForm(Encoding.UTF8.GetBytes(body))!));
    }

    [Fact]
    public void A_response_url_that_is_not_http_is_dropped()
    {
        var form = SlashCommandForm.ReadForm("command=%2Fx&user_id=U1&response_url=javascript%3Aalert(1)"u8)!;

        Assert.Null(SlashCommandForm.ToSlashCommand(form)!.ResponseUrl);
    }

    [Fact]
    public void The_schema_superset_of_fields_is_accepted()
    {
        using var superset = Fixture.Json("schema-superset/SlashCommandPayload.json");
        var fields = superset.RootElement.EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(
                p.Name,
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            .Select(p => p.Key is "command" or "user_id" ? new KeyValuePair<string, string>(p.Key, "x") : p);

        var form = SlashCommandForm.ReadForm(Encoding.UTF8.GetBytes(SlackRequests.Form(fields)))!;

        Assert.NotNull(SlashCommandForm.ToSlashCommand(form));
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        Assert.Null(SlashCommandForm.ReadForm([(byte)'a', (byte)'=', 0xFF, 0xFE]));
    }
}
