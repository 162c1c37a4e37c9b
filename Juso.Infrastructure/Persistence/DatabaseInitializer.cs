using Juso.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Juso.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the newest migration at startup, fills what a migration cannot compute (the households'
/// search keys, made by the Domain), and on SQLite switches the file to WAL.
/// </summary>
public sealed class DatabaseInitializer(IDbContextFactory<JusoDbContext> factory, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            var path = db.Database.GetDbConnection().DataSource;
            if (!string.IsNullOrEmpty(path) && Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        await FillSearchKeysAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer saves; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>How many households one pass of <see cref="FillSearchKeysAsync"/> reads and writes in one transaction.</summary>
    internal const int SearchKeyBatch = 500;

    /// <summary>
    /// Sets <see cref="Household.SearchKey"/> where it is empty: in rows stored before the CaseSearchKey migration
    /// (which adds the column empty), or written by a tool that bypasses the Domain. The key is made by
    /// <see cref="Household.RefreshSearchKey"/>, the same code that keeps it when members change, so the search
    /// finds old and new households alike. Written with a plain UPDATE: no version moves, nothing a user sees
    /// changes. Idempotent, and safe when several instances start together (they write the same value).
    /// Every household has a member, so a filled key is never empty and a finished database costs one query.
    /// </summary>
    public async Task<int> FillSearchKeysAsync(CancellationToken cancellationToken = default)
    {
        var filled = 0;
        var afterId = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var households = await db.Households.AsNoTracking().Include(h => h.Members)
                .Where(h => h.SearchKey == string.Empty && h.Id > afterId)
                .OrderBy(h => h.Id).Take(SearchKeyBatch)
                .ToListAsync(cancellationToken);
            if (households.Count == 0)
            {
                break;
            }
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var household in households.Where(h => h.RefreshSearchKey()))
                {
                    var key = household.SearchKey;
                    filled += await db.Households.Where(h => h.Id == household.Id && h.SearchKey == string.Empty)
                        .ExecuteUpdateAsync(s => s.SetProperty(h => h.SearchKey, key), cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            afterId = households[^1].Id;
        }
        if (filled > 0)
        {
            logger.LogInformation("Filled the search key of {Count} household(s)", filled);
        }
        return filled;
    }
}
