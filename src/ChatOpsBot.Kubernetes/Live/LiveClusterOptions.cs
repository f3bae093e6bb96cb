namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// How patient the live cluster source is with the API server: retries, time limits and page
/// size. The defaults suit a real cluster; tests shrink them so failures show up fast.
/// </summary>
public sealed record LiveClusterOptions
{
    /// <summary>Retries after the first attempt of one call (0 disables retrying).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the source waits between two attempts, Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The time limit of one attempt of one call (one page, one read, one review).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Objects asked for per page of a list (the API server's <c>limit</c>).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// Pages read per list before the source stops and reports the list as incomplete, so a
    /// misbehaving server cannot keep it paging for ever.
    /// </summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>Throws when a value is out of its sensible range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, BaseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThan(RequestTimeout, TimeSpan.FromMilliseconds(10));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RequestTimeout, TimeSpan.FromHours(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PageSize, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPages, 1);
    }
}
