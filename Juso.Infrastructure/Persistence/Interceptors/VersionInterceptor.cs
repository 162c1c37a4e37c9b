using Juso.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Juso.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Increments <see cref="IVersioned.Version"/> on every save that changes a versioned entity or one of its
/// parts (a household's member, a case's consent record). The column is the concurrency token, so an
/// UPDATE made from a stale version matches no row and EF refuses it. SQLite has no rowversion; this
/// works the same on both providers.
/// </summary>
public sealed class VersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SaveScan.End(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SaveScan.End(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveScan.End(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveScan.End(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => SaveScan.End(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveScan.End(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Bump(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // Registered first, so the scan it begins is the one ReportChangeInterceptor reads in the same save.
        var scan = SaveScan.Begin(context);
        // A part that is added or removed changes its aggregate; a versioned part that is only modified
        // (a role assignment edited in a meeting) is guarded by its own version and leaves its owner alone.
        foreach (var part in scan.Entries
                     .Where(e => e.State is EntityState.Added or EntityState.Deleted || (e.State == EntityState.Modified && e.Entity is not IVersioned)))
        {
            MarkOwnersModified(scan, part);
        }
        foreach (var entry in scan.Entries.Where(e => e.Entity is IVersioned))
        {
            var version = entry.Property(nameof(IVersioned.Version));
            if (entry.State == EntityState.Added)
            {
                version.CurrentValue = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    /// <summary>A changed part makes its aggregate root modified, so that the root's version moves too.</summary>
    private static void MarkOwnersModified(SaveScan scan, EntityEntry part)
    {
        foreach (var foreignKey in part.Metadata.GetForeignKeys())
        {
            var isPartOf = foreignKey.IsOwnership || foreignKey.PrincipalToDependent is not null;
            if (!isPartOf || !typeof(IVersioned).IsAssignableFrom(foreignKey.PrincipalEntityType.ClrType) || !foreignKey.PrincipalKey.IsPrimaryKey())
            {
                continue;
            }
            var keyValues = foreignKey.Properties
                .Select(p => part.State == EntityState.Deleted ? part.Property(p.Name).OriginalValue : part.Property(p.Name).CurrentValue)
                .ToArray();
            if (scan.Find((IEntityType)foreignKey.PrincipalEntityType, keyValues) is { State: EntityState.Unchanged } owner)
            {
                owner.Property(nameof(IVersioned.Version)).IsModified = true;
            }
        }
    }
}
