using ChatOpsBot.Core.Chat;
using ChatOpsBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage;

/// <summary>The <see cref="IChatAliasStore"/> part of the SQLite store.</summary>
public sealed partial class SqliteRequestStore : IChatAliasStore
{
    /// <inheritdoc />
    public async Task<ChatAlias> RememberAsync(
        string kind, string key, string shortId, string? detail, CancellationToken cancellationToken)
    {
        ChatAliasLimits.Check(kind, shortId, key, detail);
        var now = StoreTime.ToText(_time.GetUtcNow());
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = AliasSql.SelectByKey;
            select.With("@kind", kind).With("@key", key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var known = new ChatAlias(kind, reader.GetString(0), key, reader.TextOrNull(1));
                await reader.DisposeAsync().ConfigureAwait(false);
                if (detail is null || detail == known.Detail)
                {
                    return known;
                }

                await ExecuteAsync(connection, transaction, AliasSql.UpdateDetail, cancellationToken,
                    ("@detail", detail), ("@now", now), ("@kind", kind), ("@alias", known.Alias))
                    .ConfigureAwait(false);
                transaction.Commit();
                return known with { Detail = detail };
            }
        }

        try
        {
            await ExecuteAsync(connection, transaction, AliasSql.Insert, cancellationToken,
                ("@kind", kind), ("@alias", shortId), ("@key", key), ("@detail", detail), ("@now", now))
                .ConfigureAwait(false);
        }
        catch (SqliteException problem) when (problem.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: the key was looked up in this transaction, so the alias clashed.
            throw new ChatAliasConflictException(
                $"The {kind} alias {shortId} already names another id.", problem);
        }

        transaction.Commit();
        return new ChatAlias(kind, shortId, key, detail);
    }

    /// <inheritdoc />
    public async Task<ChatAlias?> FindAsync(string kind, string shortId, CancellationToken cancellationToken)
    {
        if (!ChatAliasLimits.CanExist(kind, shortId))
        {
            return null;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = AliasSql.SelectByAlias;
        select.With("@kind", kind).With("@alias", shortId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ChatAlias(kind, shortId, reader.GetString(0), reader.TextOrNull(1))
            : null;
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.With(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
