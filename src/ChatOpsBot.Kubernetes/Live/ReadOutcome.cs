namespace ChatOpsBot.Kubernetes.Live;

/// <summary>What one read produced: the objects it got, and a sentence if it fell short.</summary>
internal sealed record ReadOutcome<T>(IReadOnlyList<T> Items, string? Problem)
{
    /// <summary>True when the read got everything it asked for.</summary>
    public bool Complete => Problem is null;

    public static ReadOutcome<T> Of(IReadOnlyList<T> items) => new(items, null);

    public static ReadOutcome<T> Failed(string problem) => new([], problem);
}
