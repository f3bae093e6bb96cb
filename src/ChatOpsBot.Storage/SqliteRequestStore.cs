using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Schema;
using ChatOpsBot.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Storage;

/// <summary>
/// The durable store: diagnoses, access requests, their audit trail and chat aliases in one SQLite file
/// (WAL mode). Opening creates the file and its folder, and brings the schema up to date; a
/// file that is not a store, is damaged, or is newer than this build is refused with a clear
/// <see cref="RequestStoreException"/>. Every statement binds its values as parameters.
/// </summary>
public sealed partial class SqliteRequestStore
    : IDiagnosisStore, IAccessRequestStore, IStoreHealth, IDisposable
{
    private const string ProbeSql = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    // Clean-up of expired diagnoses runs at most this often, from SaveAsync.
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    private readonly string _connectionString;
    private readonly string _createConnectionString;
    private readonly TimeSpan _lifetime;
    private readonly int _maxDiagnoses;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _nextPurgeTicks;
    private volatile bool _disposed;

    /// <summary>Opens (creating and migrating when needed) the store the options name.</summary>
    /// <exception cref="ArgumentException">The options are not usable.</exception>
    /// <exception cref="RequestStoreException">The file cannot be used as the store.</exception>
    public SqliteRequestStore(
        SqliteStoreOptions options, TimeProvider? time = null, ILogger<SqliteRequestStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = SqliteStoreOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SqliteRequestStore>.Instance;
        _lifetime = options.DiagnosisLifetime;
        _maxDiagnoses = options.MaxDiagnoses;
        FilePath = Path.GetFullPath(options.SqlitePath);
        PrepareFolder(FilePath);

        var timeoutSeconds = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        _createConnectionString = ConnectionString(FilePath, SqliteOpenMode.ReadWriteCreate, timeoutSeconds);

        // After opening, the file must stay where it is: a deleted file is an error, not a new store.
        _connectionString = ConnectionString(FilePath, SqliteOpenMode.ReadWrite, timeoutSeconds);
        SchemaVersion = OpenAndMigrate();
    }

    /// <summary>The database file's full path.</summary>
    public string FilePath { get; }

    /// <summary>The schema version the file has now (the latest this build knows).</summary>
    public int SchemaVersion { get; }

    /// <summary>The newest schema version this build can write.</summary>
    public static int LatestSchemaVersion => StoreMigrations.Latest;

    /// <inheritdoc />
    public async Task<bool> CanReachAsync(CancellationToken cancellationToken)
    {
        // A pooled connection keeps reading a deleted file; the file itself must still be there.
        if (_disposed || !File.Exists(FilePath))
        {
            LogUnreachable(FilePath, _disposed ? "the store is closed" : "the file is gone");
            return false;
        }

        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = ProbeSql;
            var version = Convert.ToInt32(
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                System.Globalization.CultureInfo.InvariantCulture);
            return version == SchemaVersion;
        }
        catch (Exception problem)
            when (problem is SqliteException or IOException or InvalidOperationException)
        {
            LogUnreachable(FilePath, problem.Message);
            return false;
        }
    }

    /// <summary>
    /// Removes diagnoses older than the configured lifetime, and the oldest beyond the
    /// configured maximum. Access requests and the audit log are never touched.
    /// </summary>
    /// <returns>How many diagnoses were removed.</returns>
    public async Task<int> PurgeExpiredDiagnosesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var expired = connection.CreateCommand();
        expired.CommandText = DiagnosisSql.DeleteExpired;
        expired.With("@cutoff", StoreTime.ToText(_time.GetUtcNow() - _lifetime));
        var removed = await expired.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        await using var beyond = connection.CreateCommand();
        beyond.CommandText = DiagnosisSql.DeleteBeyondCapacity;
        beyond.With("@keep", _maxDiagnoses);
        removed += await beyond.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogPurged(removed);
        }

        return removed;
    }

    /// <summary>Closes the pooled connections, so the file is released (and its WAL folded in).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ClearPools();
    }

    private static string ConnectionString(string path, SqliteOpenMode mode, int timeoutSeconds) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = timeoutSeconds,
        }.ToString();

    private static void PrepareFolder(string path)
    {
        if (Directory.Exists(path))
        {
            throw new RequestStoreException($"Storage:SqlitePath '{path}' is a folder; name a file in it.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new RequestStoreException(
                $"The folder for the store '{path}' cannot be created ({problem.Message}).", problem);
        }
    }

    private int OpenAndMigrate()
    {
        var connection = new SqliteConnection(_createConnectionString);
        try
        {
            connection.Open();
            UseWriteAheadLog(connection);
            var (before, after) = SchemaMigrator.Migrate(
                connection, StoreMigrations.All, _time.GetUtcNow(), FilePath);
            if (before != after)
            {
                LogMigrated(FilePath, before, after);
            }

            LogOpened(FilePath, after);
            return after;
        }
        catch (SqliteException problem)
        {
            ClearPools();
            throw OpenFailure(problem);
        }
        catch (RequestStoreException)
        {
            ClearPools();
            throw;
        }
        finally
        {
            connection.Dispose();
        }
    }

    private void UseWriteAheadLog(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            LogNoWal(FilePath, mode ?? "unknown");
        }
    }

    private RequestStoreException OpenFailure(SqliteException problem) => problem.SqliteErrorCode switch
    {
        // SQLITE_NOTADB, SQLITE_CORRUPT
        26 or 11 => new RequestStoreException(
            $"'{FilePath}' is not a SQLite database, or it is damaged. Move it aside and restore the latest "
            + "backup, or start without it to begin an empty store.",
            problem),

        // SQLITE_BUSY, SQLITE_LOCKED
        5 or 6 => new RequestStoreException(
            $"'{FilePath}' is locked by another process; only one bot (or tool) may write it at a time.",
            problem),
        _ => new RequestStoreException(
            $"'{FilePath}' cannot be opened as the store: {problem.Message}", problem),
    };

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void ClearPools()
    {
        using var created = new SqliteConnection(_createConnectionString);
        SqliteConnection.ClearPool(created);
        using var opened = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(opened);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Store opened at {StorePath}, schema version {SchemaVersion}")]
    private partial void LogOpened(string storePath, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Store at {StorePath} migrated from schema version {FromVersion} to {ToVersion}")]
    private partial void LogMigrated(string storePath, int fromVersion, int toVersion);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Store at {StorePath} could not switch to WAL mode (journal mode {JournalMode})")]
    private partial void LogNoWal(string storePath, string journalMode);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Removed {Count} expired diagnoses from the store")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store at {StorePath} cannot be reached: {Problem}")]
    private partial void LogUnreachable(string storePath, string problem);
}
