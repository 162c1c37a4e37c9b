using Microsoft.EntityFrameworkCore;

namespace Juso.Infrastructure.Persistence;

/// <summary>The one way to run an explicit transaction (docs/adr/0010-production-pipeline-and-scale-out.md).</summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction inside the context's execution strategy, and commits when
    /// <paramref name="commit"/> accepts its result. SQL Server's retry-on-failure refuses a transaction begun outside
    /// the strategy; inside it, a transient failure rolls back and runs the whole unit again. Each retry starts with an
    /// empty change tracker, so <paramref name="work"/> must load and create everything it saves itself.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken = default)
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            if (commit(result))
            {
                await transaction.CommitAsync(ct);
            }
            return result;
        }, cancellationToken);
    }

    /// <summary>As above, committing whenever <paramref name="work"/> returns; an exception rolls back.</summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(work, _ => true, cancellationToken);
}
