using ChatOpsBot.Core.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatOpsBot.Telemetry;

/// <summary>
/// The server's logs, metrics and traces: JSON console logs by default, one log line per
/// request, the product's meter and activity source with the ASP.NET Core and HttpClient
/// instrumentation, the Prometheus scrape endpoint, and OTLP export when configured.
/// </summary>
internal static class BotTelemetryExtensions
{
    /// <summary>The probe paths, logged at Debug and left out of traces.</summary>
    private static readonly string[] ProbePaths = ["/healthz", "/readyz"];

    /// <summary>The playground page polls this path twice a second.</summary>
    private const string PlaygroundPollPath = "/playground/api/messages";

    /// <summary>Adds the log format defaults, the options and OpenTelemetry to the builder.</summary>
    /// <param name="builder">The server's builder.</param>
    /// <param name="playground">True for the local playground (readable log lines).</param>
    /// <exception cref="OptionsValidationException">A <c>Telemetry</c> setting is unusable.</exception>
    public static WebApplicationBuilder AddBotTelemetry(this WebApplicationBuilder builder, bool playground)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LogFormatDefaults.Apply(builder.Configuration, playground);

        var options = Read(builder.Configuration);
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        builder.Services.AddOptions<TelemetryOptions>()
            .Bind(builder.Configuration.GetSection(TelemetryOptions.Section));

        var version = typeof(BotTelemetry).Assembly.GetName().Version?.ToString();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: version))
            .WithMetrics(metrics => AddMetrics(metrics, options));
        if (options.Otlp.IsEnabled)
        {
            // Spans are only worth making when someone receives them.
            telemetry.WithTracing(tracing => AddTracing(tracing, options));
        }

        return builder;
    }

    /// <summary>Adds the request log line and maps the scrape endpoint when it is on.</summary>
    public static WebApplication MapBotTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        app.UseMiddleware<RequestLogMiddleware>(QuietPaths(options).ToList());
        if (options.Prometheus.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(options.Prometheus.Path);
        }

        return app;
    }

    // Validated now, not at first use: the scrape path and the exporters are fixed at start.
    private static TelemetryOptions Read(ConfigurationManager configuration)
    {
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.Section).Bind(options);
        var result = new TelemetryOptionsValidator().Validate(null, options);
        return result.Failed
            ? throw new OptionsValidationException(
                TelemetryOptions.Section, typeof(TelemetryOptions), result.Failures)
            : options;
    }

    private static void AddMetrics(MeterProviderBuilder metrics, TelemetryOptions options)
    {
        metrics
            .AddMeter(BotTelemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();
        if (options.Prometheus.Enabled)
        {
            metrics.AddPrometheusExporter(
                prometheus => prometheus.ScrapeEndpointPath = options.Prometheus.Path);
        }

        if (options.Otlp.IsEnabled)
        {
            metrics.AddOtlpExporter(otlp => Aim(otlp, options.Otlp, "v1/metrics"));
        }
    }

    private static void AddTracing(TracerProviderBuilder tracing, TelemetryOptions options)
    {
        var quiet = QuietPaths(options).ToHashSet(StringComparer.OrdinalIgnoreCase);
        tracing
            .AddSource(BotTelemetry.Name)
            .AddAspNetCoreInstrumentation(aspNet =>
                aspNet.Filter = context => !quiet.Contains(context.Request.Path.Value ?? ""))

            // A response_url is itself a credential: its requests make no span at all.
            .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request =>
                !request.Options.TryGetValue(BotTelemetry.CredentialUrl, out var secret) || !secret)
            .AddOtlpExporter(otlp => Aim(otlp, options.Otlp, "v1/traces"));
    }

    private static IEnumerable<string> QuietPaths(TelemetryOptions options)
    {
        foreach (var probe in ProbePaths)
        {
            yield return probe;
        }

        yield return PlaygroundPollPath;
        if (options.Prometheus.Enabled)
        {
            yield return options.Prometheus.Path;
        }
    }

    // gRPC takes the collector's address as it is; OTLP over HTTP wants each signal's own path.
    private static void Aim(
        OtlpExporterOptions exporter, TelemetryOptions.OtlpSettings settings, string signal)
    {
        var protocol = OtlpProtocols.Parse(settings.Protocol) ?? OtlpExportProtocol.Grpc;
        var endpoint = new Uri(settings.Endpoint!, UriKind.Absolute);
        exporter.Protocol = protocol;
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"), signal)
            : endpoint;
    }
}
