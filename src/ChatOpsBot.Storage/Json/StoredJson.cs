using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;

namespace ChatOpsBot.Storage.Json;

/// <summary>Writes and reads the JSON columns; an unreadable row is a clear error naming it.</summary>
internal static class StoredJson
{
    public static string Write(DiagnosisReport report) =>
        JsonSerializer.Serialize(ReportDto.From(report), StorageJsonContext.Default.ReportDto);

    public static string Write(DiagnosisContext context) =>
        JsonSerializer.Serialize(ContextDto.From(context), StorageJsonContext.Default.ContextDto);

    public static string WriteSnapshot(AccessRequest request) =>
        JsonSerializer.Serialize(
            RequestSnapshotDto.From(request), StorageJsonContext.Default.RequestSnapshotDto);

    public static DiagnosisReport ReadReport(string json, string rowId) =>
        Read(json, StorageJsonContext.Default.ReportDto, rowId, "diagnosis", dto => dto.ToModel());

    public static DiagnosisContext ReadContext(string json, string rowId) =>
        Read(json, StorageJsonContext.Default.ContextDto, rowId, "diagnosis context", dto => dto.ToModel());

    public static RequestSnapshot ReadSnapshot(string json, string rowId) =>
        Read(
            json,
            StorageJsonContext.Default.RequestSnapshotDto,
            rowId,
            "access request",
            dto => dto.ToModel());

    private static TModel Read<TDto, TModel>(
        string json, JsonTypeInfo<TDto> type, string rowId, string what, Func<TDto, TModel> toModel)
        where TDto : class
    {
        try
        {
            var dto = JsonSerializer.Deserialize(json, type) ?? throw new JsonException("the value is null");
            return toModel(dto);
        }
        catch (JsonException problem)
        {
            throw new RequestStoreException(
                $"The stored {what} {rowId} cannot be read ({problem.Message}); the store file is damaged "
                + "or was edited by hand.",
                problem);
        }
    }
}
