using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// Reads lists (page by page, with <c>limit</c> and <c>continue</c>) and single objects, and
/// settles each failure: the bot's missing permission or a refused read becomes a sentence in
/// the outcome, while a dead server or refused credentials end the whole load.
/// </summary>
internal sealed class ClusterReader(
    KubernetesApiCaller caller, LiveClusterOptions options, ILogger logger, string server)
{
    /// <summary>Reads every page of a list and maps its items.</summary>
    public async Task<ReadOutcome<TOut>> ListAsync<TList, TItem, TOut>(
        ClusterRead read,
        Func<string?, int, CancellationToken, Task<TList>> fetchPage,
        Func<TItem, TOut> map,
        CancellationToken cancellationToken)
        where TList : IItems<TItem>, IMetadata<V1ListMeta>
    {
        try
        {
            try
            {
                return await ReadAllPagesAsync(
                    read, fetchPage, map, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiFailureException failure) when (failure.Kind == ApiFailureKind.Gone)
            {
                // The continue token expired while paging (410): the only cure is to start again.
                return await ReadAllPagesAsync(
                    read, fetchPage, map, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ApiFailureException failure)
        {
            return Settle<TOut>(read, failure);
        }
    }

    /// <summary>Reads one object; a 404 gives an empty outcome, not a problem.</summary>
    public async Task<ReadOutcome<TOut>> GetAsync<T, TOut>(
        ClusterRead read, Func<CancellationToken, Task<T>> fetch, Func<T, TOut> map,
        CancellationToken cancellationToken)
    {
        try
        {
            var found = await caller.CallAsync(read.Operation, fetch, cancellationToken)
                .ConfigureAwait(false);
            return found is null
                ? throw new ApiFailureException(ApiFailureKind.BadResponse, HttpStatusCode.OK, null, null)
                : ReadOutcome<TOut>.Of([map(found)]);
        }
        catch (ApiFailureException failure) when (failure.Kind == ApiFailureKind.NotFound)
        {
            return ReadOutcome<TOut>.Of([]);
        }
        catch (ApiFailureException failure)
        {
            return Settle<TOut>(read, failure);
        }
    }

    private async Task<ReadOutcome<TOut>> ReadAllPagesAsync<TList, TItem, TOut>(
        ClusterRead read,
        Func<string?, int, CancellationToken, Task<TList>> fetchPage,
        Func<TItem, TOut> map,
        CancellationToken cancellationToken)
        where TList : IItems<TItem>, IMetadata<V1ListMeta>
    {
        var items = new List<TOut>();
        var usedTokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 1; ; page++)
        {
            var pageToken = token;
            var list = await caller.CallAsync(read.Operation,
                callToken => fetchPage(pageToken, options.PageSize, callToken),
                cancellationToken).ConfigureAwait(false);
            if (list is null)
            {
                throw new ApiFailureException(ApiFailureKind.BadResponse, HttpStatusCode.OK, null, null);
            }

            items.AddRange((list.Items ?? []).Where(item => item is not null).Select(map));

            token = list.Metadata?.ContinueProperty;
            if (string.IsNullOrEmpty(token))
            {
                return ReadOutcome<TOut>.Of(items);
            }

            if (!usedTokens.Add(token))
            {
                return new ReadOutcome<TOut>(items, ReadFailureText.Looping(read));
            }

            if (page >= options.MaxPages)
            {
                return new ReadOutcome<TOut>(items, ReadFailureText.Truncated(read, page));
            }
        }
    }

    private ReadOutcome<T> Settle<T>(ClusterRead read, ApiFailureException failure)
    {
        if (ReadFailureText.IsFatal(failure.Kind))
        {
            throw ReadFailureText.Fatal(read, failure, server, options);
        }

        if (failure.Kind == ApiFailureKind.Forbidden)
        {
            LiveClusterLog.ReadForbidden(logger, read.Operation, server, failure.StatusText);
            return ReadOutcome<T>.Failed(ReadFailureText.Forbidden(read, failure));
        }

        LiveClusterLog.ReadFailed(logger, read.Operation, server, failure.StatusText);
        return ReadOutcome<T>.Failed(ReadFailureText.Refused(read, failure));
    }
}
