using ChatOpsBot.Core.Requests;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage;

/// <summary>
/// The state changes of the <see cref="IAccessRequestStore"/> half. Each runs in one write
/// transaction: read the state, check the lifecycle, update guarded by the expected state,
/// write the audit entry, commit; so a change and its audit entry land together or not at all.
/// </summary>
public sealed partial class SqliteRequestStore
{
    /// <inheritdoc />
    public Task<TransitionResult> TryRecordPullRequestAsync(
        string requestId, PullRequestInfo pullRequest, string actor, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckPullRequest(pullRequest, nameof(pullRequest));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        var move = new Move(
            AccessRequestState.Requested,
            AccessRequestState.PullRequestOpened,
            RequestSql.MoveWithPullRequest,
            command => command
                .With("@pr_number", pullRequest.Number)
                .With("@pr_url", pullRequest.Url)
                .With("@pr_head_sha", pullRequest.HeadSha)
                .With("@pr_branch", pullRequest.Branch),
            new AuditLine(
                actor,
                AuditActions.PullRequestOpened,
                AccessRequestState.PullRequestOpened,
                pullRequest.Url));
        return MoveAsync(requestId, move, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TransitionResult> TryDecideAsync(
        string requestId,
        AccessDecision decision,
        string decidedBy,
        AccessRequestState expectedState,
        CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckDecision(decision, nameof(decision));
        AccessRequestLimits.CheckActor(decidedBy, nameof(decidedBy));
        var next = decision.ResultingState;
        var move = new Move(
            expectedState,
            next,
            RequestSql.MoveWithDecision,
            command => command
                .With("@decision", decision.Verdict.ToString())
                .With("@decided_by", decidedBy)
                .With("@reason", decision.Reason),
            new AuditLine(decidedBy, AuditActions.ForState(next), next, decision.Reason));
        return MoveAsync(requestId, move, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TransitionResult> TryAdvanceAsync(
        string requestId,
        AccessRequestState expectedState,
        AccessRequestState nextState,
        string actor,
        string? detail,
        CancellationToken cancellationToken)
    {
        PlainSteps.ThrowUnlessPlain(nextState, nameof(nextState));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        AccessRequestLimits.CheckText(detail, nameof(detail));
        var move = new Move(
            expectedState,
            nextState,
            RequestSql.Move,
            _ => { },
            new AuditLine(actor, AuditActions.ForState(nextState), nextState, detail));
        return MoveAsync(requestId, move, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TransitionResult> TryFailAsync(
        string requestId,
        AccessRequestState expectedState,
        string reason,
        string actor,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        AccessRequestLimits.CheckText(reason, nameof(reason));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        var move = new Move(
            expectedState,
            AccessRequestState.Failed,
            RequestSql.MoveToFailed,
            command => command.With("@reason", reason),
            new AuditLine(actor, AuditActions.Failed, AccessRequestState.Failed, reason));
        return MoveAsync(requestId, move, cancellationToken);
    }

    private async Task<TransitionResult> MoveAsync(
        string requestId, Move move, CancellationToken cancellationToken)
    {
        if (!DiagnosisIds.IsWellFormed(requestId))
        {
            return new TransitionResult(TransitionOutcome.NotFound, null);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = await ReadRequestAsync(connection, transaction, requestId, cancellationToken)
            .ConfigureAwait(false);
        if (current is null)
        {
            return new TransitionResult(TransitionOutcome.NotFound, null);
        }

        if (!AccessRequestLifecycle.CanMove(move.Expected, move.Next))
        {
            return new TransitionResult(TransitionOutcome.NotAllowed, current);
        }

        var now = _time.GetUtcNow();
        if (current.State != move.Expected
            || !await UpdateAsync(connection, transaction, requestId, move, now, cancellationToken)
                .ConfigureAwait(false))
        {
            return new TransitionResult(TransitionOutcome.StateChanged, current);
        }

        await AuditAsync(connection, transaction, requestId, now, move.Audit, cancellationToken)
            .ConfigureAwait(false);
        var updated = await ReadRequestAsync(connection, transaction, requestId, cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AccessRequestOutcomes.Count(new TransitionResult(TransitionOutcome.Applied, updated));
    }

    private static async Task<bool> UpdateAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string requestId,
        Move move,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var update = Command(connection, transaction, move.Sql);
        update.With("@id", requestId)
            .With("@expected", move.Expected.ToString())
            .With("@next", move.Next.ToString())
            .With("@now", StoreTime.ToText(now));
        move.Bind(update);

        // The guard is the real arbiter: zero rows means another writer moved the request first.
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>One guarded state change: its statement, its extra values, and its audit entry.</summary>
    private sealed record Move(
        AccessRequestState Expected,
        AccessRequestState Next,
        string Sql,
        Action<SqliteCommand> Bind,
        AuditLine Audit);
}
