namespace ChatOpsBot.Core.Requests;

/// <summary>Whether the store answers, for the readiness probe.</summary>
public interface IStoreHealth
{
    /// <summary>True when the store answers now; an unreachable store gives false, no exception.</summary>
    Task<bool> CanReachAsync(CancellationToken cancellationToken);
}
