namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>Ways to answer that tests combine: in turn, after a delay, or never.</summary>
internal static class FakeHandlers
{
    /// <summary>The first call gets the first handler, and so on; the last one repeats.</summary>
    public static FakeHandler InTurn(params FakeHandler[] handlers)
    {
        var calls = -1;
        return (request, aborted) =>
        {
            var index = Math.Min(Interlocked.Increment(ref calls), handlers.Length - 1);
            return handlers[index](request, aborted);
        };
    }

    public static FakeHandler Status(
        int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        (_, _) => Task.FromResult(new FakeResponse(status, body, headers));

    public static FakeHandler Json(string body) => Status(200, body);

    /// <summary>Answers, but only after <paramref name="delay"/> (or when the client gives up).</summary>
    public static FakeHandler After(TimeSpan delay, FakeHandler then) => async (request, aborted) =>
    {
        await Task.Delay(delay, aborted);
        return await then(request, aborted);
    };

    /// <summary>Never answers; the request ends only when the client gives up.</summary>
    public static FakeHandler Never() => async (_, aborted) =>
    {
        await Task.Delay(Timeout.Infinite, aborted);
        throw new InvalidOperationException("unreachable");
    };
}
