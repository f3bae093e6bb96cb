using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Json;
using ChatOpsBot.Storage.Schema;
using ChatOpsBot.Storage.Sql;
using ChatOpsBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

public sealed class MigrationTests : IDisposable
{
    private static readonly DateTimeOffset Then = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_new_file_in_a_missing_folder_is_created_at_the_latest_schema()
    {
        var path = Path.Combine(_folder.Path, "nested", "deeper", "store.db");

        using var store = Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal(SqliteRequestStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(3L, await StoreFile.ScalarAsync(path, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(3L, await StoreFile.ScalarAsync(path, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(0L, await StoreFile.CountRowsAsync(path, "access_requests"));
    }

    [Fact]
    public async Task An_empty_file_is_migrated_from_scratch()
    {
        var path = _folder.File("empty.db");
        await File.WriteAllBytesAsync(path, []);

        using var store = Open(path);
        var id = await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);

        Assert.Equal(SqliteRequestStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.NotNull(await store.GetAsync(id, default));
        Assert.Equal(
            "access requests and audit log",
            await StoreFile.ScalarAsync(path, "SELECT description FROM schema_version WHERE version = 2"));
    }

    [Fact]
    public async Task A_version_1_file_is_brought_forward_and_its_clicks_become_requests()
    {
        var path = _folder.File("v1.db");
        CreateVersion1(path);
        var clicked = DiagnosisIds.NewId();
        var unclicked = DiagnosisIds.NewId();
        var clickedWithoutFix = DiagnosisIds.NewId();
        await InsertVersion1Async(path, clicked, SampleReports.Full(), "UASKER");
        await InsertVersion1Async(path, unclicked, SampleReports.Full(), null);
        await InsertVersion1Async(path, clickedWithoutFix, SampleReports.WithoutFix(), "UASKER");

        using var store = new SqliteRequestStore(
            new SqliteStoreOptions { SqlitePath = path }, new FakeTimeProvider(Then + TimeSpan.FromHours(1)));

        Assert.Equal(3, store.SchemaVersion);
        var old = await store.GetAsync(unclicked, default);
        Assert.NotNull(old);
        ReportAssert.Equal(SampleReports.Full(), old.Report);
        var request = await store.GetRequestAsync(clicked, default);
        Assert.NotNull(request);
        Assert.Equal(AccessRequestState.Requested, request.State);
        Assert.Equal("UASKER", request.RequestedBy);
        Assert.Equal(Then, request.RequestedAt);
        Assert.Equal(SampleReports.Full().Fix, request.Fix);
        var audit = Assert.Single(await store.GetAuditTrailAsync(clicked, default));
        Assert.Equal(AuditActions.Requested, audit.Action);
        Assert.Null(await store.GetRequestAsync(unclicked, default));
        Assert.Null(await store.GetRequestAsync(clickedWithoutFix, default));
        Assert.Equal(
            AccessRequestStatus.AlreadyRecorded,
            (await store.RecordAccessRequestAsync(clicked, "UOTHER", default)).Status);
    }

    [Fact]
    public async Task A_version_1_file_with_an_unreadable_row_is_refused_and_left_at_version_1()
    {
        var path = _folder.File("bad-v1.db");
        CreateVersion1(path);
        await StoreFile.ExecuteAsync(
            path,
            "INSERT INTO diagnoses (id, saved_at, report_json, context_json, requested_by, requested_at) "
            + "VALUES (@id, @at, '{\"attempt\": 5', '{}', 'U1', @at)",
            ("@id", DiagnosisIds.NewId()),
            ("@at", StoreTime.ToText(Then)));

        var problem = Assert.Throws<RequestStoreException>(() => Open(path));

        Assert.Contains("cannot be read", problem.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(1L, await StoreFile.ScalarAsync(path, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(
            0L,
            await StoreFile.ScalarAsync(
                path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'access_requests'"));
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused_with_a_clear_message_and_not_changed()
    {
        var path = _folder.File("newer.db");
        using (Open(path))
        {
        }

        await StoreFile.ExecuteAsync(
            path, "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'x')");
        SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(path);

        var problem = Assert.Throws<RequestStoreException>(() => Open(path));

        Assert.Contains("schema version 99", problem.Message, StringComparison.Ordinal);
        Assert.Contains("newer than this build knows (3)", problem.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Another_programs_sqlite_database_is_not_taken_over()
    {
        var path = _folder.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE people (name TEXT)";
            command.ExecuteNonQuery();
        }

        var problem = Assert.Throws<RequestStoreException>(() => Open(path));

        Assert.Contains("not this bot's store", problem.Message, StringComparison.Ordinal);
        Assert.Equal(
            0L,
            await StoreFile.ScalarAsync(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'diagnoses'"));
    }

    private static SqliteRequestStore Open(string path) => new(new SqliteStoreOptions { SqlitePath = path });

    private static void CreateVersion1(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        SchemaMigrator.Migrate(connection, StoreMigrations.All, Then, path, target: 1);
    }

    private static Task InsertVersion1Async(
        string path, string id, Core.Diagnosis.DiagnosisReport report, string? requestedBy) =>
        StoreFile.ExecuteAsync(
            path,
            "INSERT INTO diagnoses (id, saved_at, report_json, context_json, requested_by, requested_at) "
            + "VALUES (@id, @at, @report, @context, @by, @requested_at)",
            ("@id", id),
            ("@at", StoreTime.ToText(Then)),
            ("@report", StoredJson.Write(report)),
            ("@context", StoredJson.Write(SampleReports.Context())),
            ("@by", (object?)requestedBy ?? DBNull.Value),
            ("@requested_at", requestedBy is null ? DBNull.Value : (object)StoreTime.ToText(Then)));
}
