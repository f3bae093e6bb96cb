using ChatOpsBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Tests;

public sealed class DamagedFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Contents => new()
    {
        "text",
        "random",
        "header",
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task A_file_that_is_not_a_store_database_is_refused_clearly_and_left_alone(string kind)
    {
        var path = _folder.File("broken.db");
        await File.WriteAllBytesAsync(path, await ContentAsync(kind, path));
        var before = await File.ReadAllBytesAsync(path);

        var problem = Assert.Throws<RequestStoreException>(
            () => new SqliteRequestStore(new SqliteStoreOptions { SqlitePath = path }));

        Assert.Contains(
            "is not a SQLite database, or it is damaged", problem.Message, StringComparison.Ordinal);
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(problem.InnerException);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public void A_folder_where_the_file_should_be_is_refused()
    {
        var problem = Assert.Throws<RequestStoreException>(
            () => new SqliteRequestStore(new SqliteStoreOptions { SqlitePath = _folder.Path }));

        Assert.Contains("is a folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_probe_fails_once_the_file_is_gone_or_the_store_closed()
    {
        var path = _folder.File("probe.db");
        var store = new SqliteRequestStore(new SqliteStoreOptions { SqlitePath = path });
        Assert.True(await store.CanReachAsync(default));

        SqliteConnection.ClearAllPools();
        File.Delete(path);

        Assert.False(await store.CanReachAsync(default));
        store.Dispose();
        Assert.False(await store.CanReachAsync(default));
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => store.GetAsync("AAAAAAAAAAAAAAAAAAAAAA", default));
    }

    private async Task<byte[]> ContentAsync(string kind, string path)
    {
        switch (kind)
        {
            case "text":
                var text = string.Concat(Enumerable.Repeat("not a database\n", 400));
                return System.Text.Encoding.UTF8.GetBytes(text);
            case "random":
                var bytes = new byte[16384];
                new Random(1234).NextBytes(bytes);
                return bytes;
            default:
                // A real store whose header was overwritten.
                var good = _folder.File("good.db");
                using (new SqliteRequestStore(new SqliteStoreOptions { SqlitePath = good }))
                {
                }

                SqliteConnection.ClearAllPools();
                var content = await File.ReadAllBytesAsync(good);
                Array.Fill(content, (byte)'Z', 0, 16);
                Assert.NotEqual(good, path);
                return content;
        }
    }
}
