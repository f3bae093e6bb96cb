using ChatOpsBot.Core.Chat;
using ChatOpsBot.Storage.Schema;
using ChatOpsBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

/// <summary>
/// The chat alias table (schema version 3): both the SQLite store and the in-memory one keep
/// an alias per key, find it back, keep it across a restart and refuse a clash.
/// </summary>
public sealed class ChatAliasTests : IDisposable
{
    private static readonly DateTimeOffset Then = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Stores => new() { "sqlite", "memory" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_key_keeps_its_first_alias_and_the_alias_finds_the_key(string kind)
    {
        var store = Create(kind);

        var first = await store.RememberAsync(
            "conversation", "19:abc@thread.tacv2", "CAAA", "detail-1", default);
        var again = await store.RememberAsync("conversation", "19:abc@thread.tacv2", "CBBB", null, default);

        Assert.Equal("CAAA", first.Alias);
        Assert.Equal(first, again);
        var found = await store.FindAsync("conversation", "CAAA", default);
        Assert.Equal(new ChatAlias("conversation", "CAAA", "19:abc@thread.tacv2", "detail-1"), found);
        Assert.Null(await store.FindAsync("conversation", "CBBB", default));
        Assert.Null(await store.FindAsync("activity", "CAAA", default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_new_detail_replaces_the_old_and_null_keeps_it(string kind)
    {
        var store = Create(kind);
        await store.RememberAsync("user", "aad-1", "UAAA", "Ada", default);

        var renamed = await store.RememberAsync("user", "aad-1", "UAAA", "Ada Lovelace", default);
        var kept = await store.RememberAsync("user", "aad-1", "UAAA", null, default);

        Assert.Equal("Ada Lovelace", renamed.Detail);
        Assert.Equal("Ada Lovelace", kept.Detail);
        Assert.Equal("Ada Lovelace", (await store.FindAsync("user", "UAAA", default))!.Detail);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_alias_naming_another_key_is_refused_and_changes_nothing(string kind)
    {
        var store = Create(kind);
        await store.RememberAsync("activity", "key-1", "MAAA", null, default);

        await Assert.ThrowsAsync<ChatAliasConflictException>(
            () => store.RememberAsync("activity", "key-2", "MAAA", null, default));

        Assert.Equal("key-1", (await store.FindAsync("activity", "MAAA", default))!.Key);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Bad_input_is_refused_and_bad_look_ups_find_nothing(string kind)
    {
        var store = Create(kind);

        await Assert.ThrowsAsync<ArgumentException>(
            () => store.RememberAsync("user", "", "UAAA", null, default));
        await Assert.ThrowsAsync<ArgumentException>(
            () => store.RememberAsync("user", "k", new string('U', 65), null, default));
        await Assert.ThrowsAsync<ArgumentException>(
            () => store.RememberAsync("user", new string('k', 2001), "UAAA", null, default));
        await Assert.ThrowsAsync<ArgumentException>(
            () => store.RememberAsync("user", "k", "UAAA", new string('d', 4001), default));

        Assert.Null(await store.FindAsync("user", new string('U', 10_000), default));
        Assert.Null(await store.FindAsync("user", "", default));
        Assert.Null(await store.FindAsync("user", "UAAA", default));
    }

    [Fact]
    public async Task Aliases_survive_a_restart_of_the_sqlite_store()
    {
        var path = _folder.File("aliases.db");
        using (var store = Open(path))
        {
            await store.RememberAsync(
                "conversation", "a:personal", "CPERSONAL", "{\"type\":\"personal\"}", default);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = Open(path);

        var found = await reopened.FindAsync("conversation", "CPERSONAL", default);
        Assert.Equal("a:personal", found!.Key);
        Assert.Equal("{\"type\":\"personal\"}", found.Detail);
        Assert.Equal(1L, await StoreFile.CountRowsAsync(path, "chat_aliases"));
    }

    [Fact]
    public async Task A_version_2_file_gains_the_alias_table_and_keeps_its_requests()
    {
        var path = _folder.File("v2.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SchemaMigrator.Migrate(connection, StoreMigrations.All, Then, path, target: 2);
        }

        Assert.Equal(
            0L,
            await StoreFile.ScalarAsync(
                path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'chat_aliases'"));
        using var store = Open(path);

        Assert.Equal(3, store.SchemaVersion);
        Assert.Equal(
            "chat aliases",
            await StoreFile.ScalarAsync(path, "SELECT description FROM schema_version WHERE version = 3"));
        await store.RememberAsync("user", "aad", "UAAA", null, default);
        Assert.Equal(1L, await StoreFile.CountRowsAsync(path, "chat_aliases"));
    }

    [Fact]
    public async Task The_in_memory_store_forgets_the_oldest_beyond_its_capacity()
    {
        var store = new InMemoryChatAliasStore(capacity: 2);
        await store.RememberAsync("activity", "k1", "M1", null, default);
        await store.RememberAsync("activity", "k2", "M2", null, default);
        await store.RememberAsync("activity", "k3", "M3", null, default);

        Assert.Null(await store.FindAsync("activity", "M1", default));
        Assert.NotNull(await store.FindAsync("activity", "M2", default));
        Assert.NotNull(await store.FindAsync("activity", "M3", default));
    }

    private IChatAliasStore Create(string kind) =>
        kind == "memory" ? new InMemoryChatAliasStore() : Open(_folder.File($"{Guid.NewGuid():N}.db"));

    private static SqliteRequestStore Open(string path) =>
        new(new SqliteStoreOptions { SqlitePath = path }, new FakeTimeProvider(Then));
}
