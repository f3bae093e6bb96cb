namespace ChatOpsBot.Telemetry;

/// <summary>
/// The <c>Telemetry</c> section: the Prometheus scrape endpoint (on by default) and the OTLP
/// export of metrics and traces (off until an endpoint is given: nothing is sent anywhere by
/// default).
/// </summary>
internal sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>The <c>service.name</c> the metrics and traces carry.</summary>
    public string ServiceName { get; set; } = "k8s-access-bot";

    /// <summary>The Prometheus scrape endpoint.</summary>
    public PrometheusSettings Prometheus { get; set; } = new();

    /// <summary>The OpenTelemetry protocol exporter.</summary>
    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>The <c>Telemetry:Prometheus</c> settings.</summary>
    internal sealed class PrometheusSettings
    {
        /// <summary>Serve the metrics in Prometheus text format.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>The path of the scrape endpoint, on the bot's own port.</summary>
        public string Path { get; set; } = "/metrics";
    }

    /// <summary>The <c>Telemetry:Otlp</c> settings.</summary>
    internal sealed class OtlpSettings
    {
        /// <summary>
        /// The collector's base address (<c>http://otel-collector:4317</c>); empty means no export.
        /// </summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
        public string Protocol { get; set; } = "grpc";

        /// <summary>True when an endpoint is set.</summary>
        public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);
    }
}
