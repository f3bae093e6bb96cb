using System.Text.Json;
using ChatOpsBot.Tests.Approval;
using ChatOpsBot.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using static ChatOpsBot.Tests.Approval.ApprovalSetup;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// The server's log lines as the console writes them: JSON by default, one line per request,
/// diagnosis and decision with their fields, and never the pasted text or a secret in it.
/// </summary>
public sealed class StructuredLogTests
{
    private const string RequestAccess = "k8s_access.request_access";
    private const string Approve = "k8s_access.approve";
    private const string MessageTs = "1712345678.000100";

    private static readonly string[] InfoOrHigher = ["Information", "Warning", "Error", "Critical"];

    [Fact]
    public async Task Diagnosis_request_and_decision_are_logged_as_json_without_the_pasted_text()
    {
        var marker = $"PASTE-MARKER-{Guid.NewGuid():N}";
        var secret = "ghp_" + Guid.NewGuid().ToString("N") + "Zq7Tk9";
        FormattedLogLines? logs = null;
        await using var setup = await ApprovalSetup.StartAsync(customize: builder =>
            builder.Services.AddSingleton<ILoggerProvider>(services => logs = new FormattedLogLines(
                services.GetServices<ConsoleFormatter>(),
                services.GetRequiredService<IOptions<ConsoleLoggerOptions>>())));

        var pasted = $"{SeedError.Text}\nrun id {marker}\nexport GITHUB_TOKEN={secret}";
        using (var sent = await setup.Bot.SendAsync(SignedRequests.Event(SlackPayloads.Message(
                   "Ev0LOGS0001", pasted, Channel, MessageTs, Requester))))
        {
            sent.EnsureSuccessStatusCode();
        }

        var reply = await setup.Slack.WaitForAsync(call =>
            call.Method == "chat.postMessage" && call.Channel == Channel && call.ThreadTs == MessageTs);
        var diagnosisId = (string)reply.Elements("button").Single()["value"]!;
        await setup.ClickAsync(reply, RequestAccess, Requester);
        var approval = await setup.ApprovalMessageAsync();
        await setup.ClickAsync(approval, Approve, Admin);
        await setup.ThreadMessageAsync("is merged");
        using (var probe = await setup.Bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            probe.EnsureSuccessStatusCode();
        }

        await setup.StopBotAsync();

        Assert.NotNull(logs);
        Assert.Equal("json", logs.FormatterName);
        var entries = logs.Entries;
        Assert.All(entries, entry => Assert.Equal(JsonValueKind.Object, entry.ValueKind));
        var loud = logs.Lines.Where((_, index) => InfoOrHigher.Contains(Level(entries[index]))).ToList();
        Assert.NotEmpty(loud);
        Assert.DoesNotContain(loud, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(loud, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(
            logs.Lines, line => line.Contains(RunningBot.BotToken, StringComparison.Ordinal));

        var events = Single(
            entries, "RequestLogMiddleware", state => Text(state, "Route") == "/slack/events");
        Assert.Equal("Information", Level(events));
        Assert.Equal("POST", Text(State(events), "Method"));
        Assert.Equal(200, State(events).GetProperty("StatusCode").GetInt32());
        Assert.True(State(events).GetProperty("DurationMs").GetDouble() >= 0);

        var health = Single(entries, "RequestLogMiddleware", state => Text(state, "Route") == "/healthz");
        Assert.Equal("Debug", Level(health));

        var diagnosis = Single(
            entries, "DiagnosisRunner", state => Text(state, "DiagnosisId") == diagnosisId);
        Assert.Equal("Information", Level(diagnosis));
        Assert.Equal("MissingBinding", Text(State(diagnosis), "CauseCode"));
        Assert.Equal("seed", Text(State(diagnosis), "Cluster"));
        Assert.Equal("message", Text(State(diagnosis), "Origin"));
        Assert.True(State(diagnosis).GetProperty("DurationMs").GetDouble() > 0);

        var decision = Single(entries, "DecisionJob", state => Text(state, "RequestId") == diagnosisId);
        Assert.Equal("Information", Level(decision));
        Assert.Equal("Approve", Text(State(decision), "Verdict"));
        Assert.Equal(Admin, Text(State(decision), "SlackUserId"));
    }

    private static JsonElement Single(
        IReadOnlyList<JsonElement> entries, string categoryEnd, Func<JsonElement, bool> match) =>
        Assert.Single(entries, entry =>
            entry.GetProperty("Category").GetString()!.EndsWith(categoryEnd, StringComparison.Ordinal)
            && match(State(entry)));

    private static string? Level(JsonElement entry) => entry.GetProperty("LogLevel").GetString();

    private static JsonElement State(JsonElement entry) => entry.GetProperty("State");

    private static string? Text(JsonElement state, string name) =>
        state.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
