using Microsoft.Extensions.Options;

namespace ChatOpsBot.Telemetry;

/// <summary>Checks the <c>Telemetry</c> section; each failure names the setting.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    // The bot's own routes: a scrape path on one of them would hide it.
    private static readonly string[] TakenPrefixes = ["/slack", "/api", "/playground", "/healthz", "/readyz"];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ServiceName) || options.ServiceName.Length > 100)
        {
            failures.Add("Telemetry:ServiceName must be 1 to 100 characters");
        }

        var path = options.Prometheus.Path;
        if (options.Prometheus.Enabled && PathProblem(path) is { } problem)
        {
            failures.Add($"Telemetry:Prometheus:Path {problem}");
        }

        var otlp = options.Otlp;
        if (otlp.IsEnabled
            && (!Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var endpoint)
                || endpoint.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(endpoint.Query)
                || !string.IsNullOrEmpty(endpoint.UserInfo)))
        {
            failures.Add("Telemetry:Otlp:Endpoint must be an http or https address without user "
                         + "or query, such as http://otel-collector:4317");
        }

        if (OtlpProtocols.Parse(otlp.Protocol) is null)
        {
            failures.Add("Telemetry:Otlp:Protocol must be grpc or http/protobuf");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? PathProblem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > 100 || !path.StartsWith('/') || path == "/")
        {
            return "must be a path such as /metrics";
        }

        if (path.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.')))
        {
            return "may hold only letters, digits, '/', '-', '_' and '.'";
        }

        var taken = TakenPrefixes.FirstOrDefault(prefix =>
            path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));
        return taken is null ? null : $"must not be under {taken}, which the bot serves itself";
    }
}
