using ChatOpsBot.Slack.Caching;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class TtlCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Entries_expire_after_their_lifetime()
    {
        var cache = new TtlCache<string, int>(10, TimeSpan.FromMinutes(5), _time);
        Assert.True(cache.TryAdd("a", 1));
        Assert.False(cache.TryAdd("a", 2));

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(1, value);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryAdd("a", 3));
    }

    [Fact]
    public void The_oldest_entries_go_first_when_full()
    {
        var cache = new TtlCache<int, int>(3, TimeSpan.FromHours(1), _time);
        for (var i = 0; i < 5; i++)
        {
            cache.Set(i, i);
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(0, out _));
        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(4, out _));
    }

    [Fact]
    public void Set_restarts_the_lifetime_but_update_does_not()
    {
        var cache = new TtlCache<string, int>(10, TimeSpan.FromMinutes(5), _time);
        cache.Set("a", 1);
        _time.Advance(TimeSpan.FromMinutes(3));
        cache.Set("a", 2);
        Assert.True(cache.TryUpdate("a", v => v + 10, out var updated));
        Assert.Equal(12, updated);

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(12, value);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(cache.TryUpdate("a", v => v, out _));
    }

    [Fact]
    public void Remove_frees_the_key()
    {
        var cache = new TtlCache<string, bool>(10, TimeSpan.FromMinutes(5), _time);
        cache.TryAdd("k", true);

        Assert.True(cache.Remove("k"));
        Assert.False(cache.Remove("k"));
        Assert.True(cache.TryAdd("k", true));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_key_have_exactly_one_winner()
    {
        var cache = new TtlCache<string, bool>(1000, TimeSpan.FromMinutes(5), _time);

        var claims = Enumerable.Range(0, 64).Select(_ => Task.Run(() => cache.TryAdd("event", true)));

        var results = await Task.WhenAll(claims);

        Assert.Single(results, r => r);
    }
}
