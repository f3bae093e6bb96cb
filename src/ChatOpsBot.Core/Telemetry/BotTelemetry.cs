using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatOpsBot.Core.Telemetry;

/// <summary>
/// The product's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, and every
/// instrument the bot records. They are plain BCL types, so any project can record without
/// depending on OpenTelemetry; the host subscribes to <see cref="Name"/> and exports.
/// Every tag value is one of a small fixed set (never user text), so series stay few.
/// </summary>
public static class BotTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "ChatOpsBot";

    /// <summary>The tag naming a diagnosis's cause code.</summary>
    public const string CauseTag = "cause";

    /// <summary>The tag naming how a diagnosis was asked for.</summary>
    public const string OriginTag = "origin";

    /// <summary>The tag naming where an access request got to.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>The tag naming a Slack endpoint or Web API method.</summary>
    public const string EndpointTag = "endpoint";

    /// <summary>The tag naming a Slack Web API method.</summary>
    public const string MethodTag = "method";

    /// <summary>The tag naming a GitHub operation.</summary>
    public const string OperationTag = "operation";

    /// <summary>The tag naming the kind of a failure.</summary>
    public const string ErrorTag = "error";

    // Diagnoses read a whole cluster's RBAC: from milliseconds (snapshot) to tens of seconds.
    private static readonly double[] DiagnosisBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    // Slack gives up on an acknowledgement after 3 seconds; the buckets centre on that.
    private static readonly double[] AckBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

    private static readonly string Version =
        typeof(BotTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>
    /// Set to true on an outgoing request whose URL is a credential (a Slack response_url), so
    /// that tracing leaves it out.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> CredentialUrl = new("ChatOpsBot.CredentialUrl");

    /// <summary>The product's meter.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>
    /// The product's activity source (spans for diagnosis, access request, decision, verification).
    /// </summary>
    public static ActivitySource Source { get; } = new(Name, Version);

    /// <summary>Diagnoses that found an access error, by cause code and origin.</summary>
    public static Counter<long> Diagnoses { get; } = Meter.CreateCounter<long>(
        "k8s_access_bot.diagnoses",
        "{diagnosis}",
        "Diagnoses that found an access error, by cause and origin.");

    /// <summary>How long a diagnosis took, in seconds, by cause code and origin.</summary>
    public static Histogram<double> DiagnosisDuration { get; } = Meter.CreateHistogram(
        "k8s_access_bot.diagnosis.duration",
        "s",
        "How long a diagnosis took, from the question to the stored report.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DiagnosisBuckets });

    /// <summary>Access requests reaching each step of their life, by outcome.</summary>
    public static Counter<long> AccessRequests { get; } = Meter.CreateCounter<long>(
        "k8s_access_bot.access_requests", "{request}", "Access requests reaching each step, by outcome.");

    /// <summary>How long the Slack endpoints took to acknowledge a request, in seconds.</summary>
    public static Histogram<double> ChatAckDuration { get; } = Meter.CreateHistogram(
        "k8s_access_bot.chat.ack.duration",
        "s",
        "How long a Slack endpoint took to answer Slack (which waits 3 seconds at most).",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AckBuckets });

    /// <summary>Slack Web API calls that failed after their retries, by method and error kind.</summary>
    public static Counter<long> SlackApiFailures { get; } = Meter.CreateCounter<long>(
        "k8s_access_bot.slack.api.failures",
        "{call}",
        "Slack Web API calls that failed, by method and kind.");

    /// <summary>GitHub calls that failed after their retries, by operation and error kind.</summary>
    public static Counter<long> GitHubFailures { get; } = Meter.CreateCounter<long>(
        "k8s_access_bot.github.failures", "{call}", "GitHub operations that failed, by operation and kind.");

    /// <summary>Counts one diagnosis and records its duration.</summary>
    /// <param name="cause">The cause code, as the report names it.</param>
    /// <param name="origin">How it was asked for (<see cref="Origins"/>).</param>
    /// <param name="elapsed">How long it took.</param>
    public static void RecordDiagnosis(string cause, string origin, TimeSpan elapsed)
    {
        var tags = new TagList { { CauseTag, cause }, { OriginTag, origin } };
        Diagnoses.Add(1, tags);
        DiagnosisDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Counts an access request reaching <paramref name="outcome"/>.</summary>
    /// <param name="outcome">One of <see cref="AccessRequestOutcomes"/>.</param>
    public static void RecordAccessRequest(string outcome) =>
        AccessRequests.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));

    /// <summary>Records how long a Slack endpoint took to answer.</summary>
    /// <param name="endpoint">The endpoint (<c>commands</c>, <c>events</c>, <c>interactions</c>).</param>
    /// <param name="elapsed">From the request's arrival to its answer.</param>
    public static void RecordChatAck(string endpoint, TimeSpan elapsed) =>
        ChatAckDuration.Record(
            elapsed.TotalSeconds, new KeyValuePair<string, object?>(EndpointTag, endpoint));

    /// <summary>Counts a Slack Web API call that failed.</summary>
    /// <param name="method">The Web API method, or <c>response_url</c>.</param>
    /// <param name="kind">One of <see cref="FailureKinds"/>.</param>
    public static void RecordSlackFailure(string method, string kind) =>
        SlackApiFailures.Add(1, new TagList { { MethodTag, method }, { ErrorTag, kind } });

    /// <summary>Counts a GitHub operation that failed.</summary>
    /// <param name="operation">The operation (<c>open-pull-request</c>, <c>merge</c>, …).</param>
    /// <param name="kind">One of <see cref="FailureKinds"/>.</param>
    public static void RecordGitHubFailure(string operation, string kind) =>
        GitHubFailures.Add(1, new TagList { { OperationTag, operation }, { ErrorTag, kind } });
}
