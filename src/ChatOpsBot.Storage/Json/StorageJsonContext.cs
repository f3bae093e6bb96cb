using System.Text.Json.Serialization;

namespace ChatOpsBot.Storage.Json;

/// <summary>
/// The serializer for stored JSON, generated at build time. Enums are written by name, so
/// reordering an enum in the engine never changes what a stored row means.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportDto))]
[JsonSerializable(typeof(ContextDto))]
[JsonSerializable(typeof(RequestSnapshotDto))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
