using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Tests.Support;

namespace ChatOpsBot.Teams.Tests.Http;

/// <summary>POST /api/messages through Kestrel with the fixture activities.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private const string ChannelMessage = "message-channel-reply-with-mention.json";
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_validly_signed_channel_message_reaches_the_handler_with_the_mention_stripped()
    {
        var json = Fixture.Read(ChannelMessage);

        using var response = await _host.PostAsync(json, _host.BearerFor(Fixture.ServiceUrlOf(json)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(_host.Handler.Messages);
        Assert.Equal("reply to thread", activity.CleanText);
        Assert.Equal("<at>testbot</at> reply to thread", activity.Text);
        Assert.Equal("1759944781430", activity.Id);
        Assert.Equal(
            "19:00000000000000000000000000000c01@thread.tacv2;messageid=1759881511856",
            activity.ConversationId);
        Assert.Equal("channel", activity.ConversationType);
        Assert.Equal("22222222-2222-2222-2222-222222222222", activity.TenantId);
        Assert.Equal("00000000-0000-0000-0000-00000000aa02", activity.FromAadObjectId);
        Assert.Equal(Fixture.ServiceUrlOf(json), activity.ServiceUrl);
    }

    [Fact]
    public async Task A_message_with_a_card_value_reaches_the_handler_with_its_value()
    {
        var json = Fixture.Read("docs-messageBack-inbound-message.json");

        using var response = await _host.PostAsync(json, _host.BearerFor(Fixture.ServiceUrlOf(json)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(_host.Handler.Messages);
        Assert.Equal("propertyValue", activity.Value!["property"]!.GetValue<string>());
        Assert.Equal("1575667808184", activity.ReplyToId);
        Assert.Equal("33333333-3333-3333-3333-333333333333", activity.TenantId);
    }

    [Theory]
    [InlineData("docs-invoke-inbound-message.json")]
    [InlineData("invoke-adaptiveCard-action-Action.Execute.json")]
    public async Task Invokes_go_to_the_invoke_handler_and_not_to_the_message_handler(string fixture)
    {
        var json = Fixture.Read(fixture);

        using var response = await _host.PostAsync(json, _host.BearerFor(Fixture.ServiceUrlOf(json)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Handler.Messages);
        Assert.Single(_host.Handler.Invokes);
    }

    [Fact]
    public async Task An_invoke_is_answered_with_the_handlers_invoke_response_as_json()
    {
        var json = Fixture.Read("invoke-adaptiveCard-action-Action.Execute.json");
        _host.Handler.InvokeAnswer = new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = "application/vnd.microsoft.activity.message",
            ["value"] = "working on it",
        };

        using var response = await _host.PostAsync(json, _host.BearerFor(Fixture.ServiceUrlOf(json)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("working on it", (string?)body["value"]);
        var invoke = Assert.Single(_host.Handler.Invokes);
        Assert.Equal("adaptiveCard/action", invoke.Name);
        Assert.Empty(_host.Handler.Messages);
    }

    [Fact]
    public async Task A_full_work_queue_answers_503_so_the_connector_can_retry()
    {
        var json = Fixture.Read(ChannelMessage);
        _host.Handler.Busy = true;

        using var response = await _host.PostAsync(json, _host.BearerFor(Fixture.ServiceUrlOf(json)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_conversation_update_is_acknowledged_and_not_handled()
    {
        var json = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
        }.ToJsonString();

        using var response = await _host.PostAsync(json, _host.BearerFor("https://smba.trafficmanager.net/amer/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Handler.Messages);
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_and_not_handled()
    {
        using var response = await _host.PostAsync(Fixture.Read(ChannelMessage), authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Handler.Messages);
    }

    [Fact]
    public async Task A_token_for_another_app_is_refused_and_not_handled()
    {
        var json = Fixture.Read(ChannelMessage);
        var token = _host.Key.CreateToken("99999999-9999-9999-9999-999999999999", Fixture.ServiceUrlOf(json));

        using var response = await _host.PostAsync(json, "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Handler.Messages);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_refused_and_not_handled()
    {
        var json = Fixture.Read(ChannelMessage);
        using var stranger = new TestSigningKey("host-key", "msteams");

        using var response = await _host.PostAsync(
            json, "Bearer " + stranger.CreateToken(TeamsTestHost.AppId, Fixture.ServiceUrlOf(json)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Handler.Messages);
    }

    [Fact]
    public async Task An_activity_whose_service_url_differs_from_the_tokens_is_refused_and_not_logged()
    {
        var json = Fixture.Read(ChannelMessage).Replace(
            "https://smba.trafficmanager.net/amer/", "https://attacker.example/amer/", StringComparison.Ordinal);

        using var response = await _host.PostAsync(json, _host.BearerFor("https://smba.trafficmanager.net/amer/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Handler.Messages);
        Assert.Contains(_host.Logs.Lines, line => line.Contains("ServiceUrlMismatch", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains("reply to thread", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("not json at all")]
    public async Task Malformed_json_with_a_valid_token_is_a_bad_request(string body)
    {
        using var response = await _host.PostAsync(body, _host.BearerFor("https://smba.trafficmanager.net/amer/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Handler.Messages);
    }

    [Fact]
    public async Task Malformed_json_without_a_token_is_unauthorized()
    {
        using var response = await _host.PostAsync("{\"type\": ", authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused()
    {
        var activity = JsonNode.Parse(Fixture.Read(ChannelMessage))!.AsObject();
        activity["text"] = new string('x', 1024 * 1024);

        using var response = await _host.PostAsync(
            activity.ToJsonString(), _host.BearerFor(activity["serviceUrl"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Handler.Messages);
    }
}
