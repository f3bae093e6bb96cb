using OpenTelemetry.Exporter;

namespace ChatOpsBot.Telemetry;

/// <summary>The OTLP protocols by their setting names, as the OpenTelemetry spec spells them.</summary>
internal static class OtlpProtocols
{
    /// <summary>The protocol <paramref name="name"/> names, or null when it names none.</summary>
    public static OtlpExportProtocol? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };
}
