using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Tests.Support;
using ChatOpsBot.Tests.Slack;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Tests.Teams;

/// <summary>
/// The real bot in Teams mode end to end: signed activities in the shapes Teams sends go in
/// through <c>POST /api/messages</c>, and the diagnosis comes out through the fake Bot Connector.
/// </summary>
public sealed class TeamsMessageTests : IAsyncLifetime
{
    private const string DrainChannel = "19:0000000000000000000000000000d0a1@thread.tacv2";
    private FakeBotConnector _connector = null!;
    private TeamsBot _bot = null!;
    private int _drains;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync(fixedToken: "connector-token");
        _bot = await TeamsBot.StartAsync(_connector);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_pasted_error_in_a_channel_thread_is_answered_in_that_thread_with_the_fix()
    {
        var activity = InChannel(SeedError.Text, "1759944781430", "1759881511856", mention: false);

        using var response = await _bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForAsync(call => call.Method == "POST");
        Assert.Equal(TeamsPayloads.Channel + ";messageid=1759881511856", reply.ConversationId);
        Assert.Equal("1759881511856", reply.ActivityId);
        Assert.Equal("Bearer connector-token", reply.Authorization);
        AssertNamesTheFix(reply);
        var form = Assert.Single(_connector.TokenForms);
        Assert.Equal(TeamsBot.AppId, form["client_id"]);
        Assert.Equal("client_credentials", form["grant_type"]);
    }

    [Fact]
    public async Task A_mention_with_a_namespace_is_a_command_answered_in_the_thread()
    {
        var activity = InChannel("hello", "1760000000001", "1760000000001", mention: true);

        using var response = await _bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = TeamsPayloads.Channel + ";messageid=1760000000001";
        var ack = await _connector.WaitForAsync(call => Shows(call, "Checking"));
        Assert.Equal(thread, ack.ConversationId);
        var answer = await _connector.WaitForAsync(call => Shows(call, "rb:hello"));
        Assert.Equal(thread, answer.ConversationId);
        Assert.Equal("1760000000001", answer.ActivityId);
        AssertNamesTheFix(answer);

        // Teams has no private replies in a channel: the answer names whom it is for.
        Assert.Contains(Person.Developer.Name, answer.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_personal_chat_the_command_word_and_a_namespace_are_answered()
    {
        var activity = TeamsPayloads.PersonalMessage(
            _connector.ServiceUrl, "k8s-access hello", "1760000000002", Person.Developer);

        using var response = await _bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _connector.WaitForAsync(call => Shows(call, "rb:hello"));
        Assert.Equal("a:1ExamplePersonalConversation", answer.ConversationId);
        AssertNamesTheFix(answer);
    }

    [Fact]
    public async Task Help_in_the_personal_chat_gets_the_usage()
    {
        var activity = TeamsPayloads.PersonalMessage(
            _connector.ServiceUrl, "help", "1760000000003", Person.Developer);

        using var response = await _bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _connector.WaitForAsync(call => call.Method == "POST");
        Assert.Contains("k8s-access", answer.Json, StringComparison.Ordinal);
        Assert.Contains("NAMESPACE", answer.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chatter_in_a_channel_without_a_mention_gets_no_answer()
    {
        var activity = TeamsPayloads.ChannelMessage(
            _connector.ServiceUrl, "lunch at noon?", "1760000000004", "1760000000004", Person.Developer,
            mention: false);

        using var response = await _bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainAsync();
        Assert.DoesNotContain(_connector.Calls, InTheChannel);
    }

    [Fact]
    public async Task A_retried_activity_is_answered_once()
    {
        var activity = InChannel(SeedError.Text, "1760000000005", "1760000000005", mention: false);

        using (var first = await _bot.SendAsync(activity))
        using (var retry = await _bot.SendAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        await DrainAsync();
        Assert.Single(_connector.Calls, InTheChannel);
    }

    [Fact]
    public async Task Activities_of_bots_and_of_senders_without_an_entra_id_are_ignored()
    {
        var fromBot = InChannel(SeedError.Text, "1760000000006", "1760000000006", mention: true);
        fromBot["from"]!["id"] = "28:00000000-0000-0000-0000-0000000000ff";
        var anonymous = InChannel(SeedError.Text, "1760000000007", "1760000000007", mention: true);
        anonymous["from"]!.AsObject().Remove("aadObjectId");

        using (var one = await _bot.SendAsync(fromBot))
        using (var two = await _bot.SendAsync(anonymous))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        }

        await DrainAsync();
        Assert.DoesNotContain(_connector.Calls, InTheChannel);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "expired", "wrong-audience", "wrong-issuer", "unsigned", "other-service-url", "other-key", "none",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_badly_signed_activity_gets_401_and_no_answer(string kind)
    {
        var activity = InChannel(SeedError.Text, "1760000000008", "1760000000008", mention: true);
        var serviceUrl = _connector.ServiceUrl;
        using var otherKey = new ChatOpsBot.Teams.Tests.Support.TestSigningKey("teams-e2e-key", "msteams");
        var token = kind switch
        {
            "expired" => _bot.Key.CreateToken(
                TeamsBot.AppId, serviceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong-audience" => _bot.Key.CreateToken(Guid.NewGuid().ToString(), serviceUrl),
            "wrong-issuer" => _bot.Key.CreateToken(
                TeamsBot.AppId, serviceUrl, issuer: "https://evil.example"),
            "unsigned" => Unsigned(_bot.Key.CreateToken(TeamsBot.AppId, serviceUrl)),
            "other-service-url" => _bot.Key.CreateToken(
                TeamsBot.AppId, "https://smba.trafficmanager.net/emea/"),
            "other-key" => otherKey.CreateToken(TeamsBot.AppId, serviceUrl),
            _ => null,
        };

        using var response = await _bot.SendAsync(activity, token is null ? null : "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await DrainAsync();
        Assert.DoesNotContain(_connector.Calls, InTheChannel);
    }

    [Fact]
    public async Task An_invoke_that_is_not_one_of_the_bots_buttons_gets_an_error_invoke_response()
    {
        var invoke = TeamsPayloads.Invoke(
            _connector.ServiceUrl,
            TeamsPayloads.ExecuteValue("feedback", new JsonObject { ["feedback"] = "test invokes" }),
            "1767765488332", "a:1ExamplePersonalConversation", "personal", Person.Developer);

        using var response = await _bot.SendAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        await DrainAsync();
        Assert.DoesNotContain(
            _connector.Calls, call => call.ConversationId.StartsWith("a:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_activity_types_get_200_and_nothing_else()
    {
        var update = InChannel(SeedError.Text, "1760000000009", "1760000000009", mention: true);
        update["type"] = "conversationUpdate";

        using var response = await _bot.SendAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await DrainAsync();
        Assert.DoesNotContain(_connector.Calls, InTheChannel);
    }

    private static bool Shows(ConnectorCall call, string text) =>
        call.Json.Contains(text, StringComparison.Ordinal);

    private static bool InTheChannel(ConnectorCall call) =>
        call.ConversationId.StartsWith(TeamsPayloads.Channel, StringComparison.Ordinal);

    // The reply is an Adaptive Card, and the card's text (markdown escapes read) names the
    // binding, the role and the group.
    internal static void AssertNamesTheFix(ConnectorCall reply)
    {
        var card = reply.Card;
        Assert.NotNull(card);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        var text = Unescaped(card);
        foreach (var name in SeedError.FixNames)
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }

    private static string Unescaped(JsonNode node)
    {
        var texts = new List<string>();
        var pending = new Stack<JsonNode>([node]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    obj.Select(p => p.Value).OfType<JsonNode>().ToList().ForEach(pending.Push);
                    break;
                case JsonArray array:
                    array.OfType<JsonNode>().ToList().ForEach(pending.Push);
                    break;
                case JsonValue value when value.TryGetValue<string>(out var s):
                    texts.Add(System.Text.RegularExpressions.Regex.Replace(s, @"\\(.)", "$1"));
                    break;
            }
        }

        return string.Join("\n", texts);
    }

    private JsonObject InChannel(string text, string activityId, string rootId, bool mention) =>
        TeamsPayloads.ChannelMessage(
            _connector.ServiceUrl, text, activityId, rootId, Person.Developer, mention);

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    // With one worker taking work in order, everything sent before is finished once this is answered.
    private async Task DrainAsync()
    {
        var n = Interlocked.Increment(ref _drains);
        var id = $"17999999{n:D5}";
        var activity = TeamsPayloads.ChannelMessage(
            _connector.ServiceUrl, SeedError.Text, id, id, Person.Stranger, mention: false,
            channel: DrainChannel);
        using var response = await _bot.SendAsync(activity);
        response.EnsureSuccessStatusCode();
        await _connector.WaitForAsync(call => call.ConversationId == $"{DrainChannel};messageid={id}");
    }
}
