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

    private static void Bump(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        // A part that is added or removed changes its aggregate; a versioned part that is only modified
        // (a role assignment edited in a meeting) is guarded by its own version and leaves its owner alone.
        var entries = context.ChangeTracker.Entries().ToList();
        // Owners by type and key, found once per save: a search per part made a large save (a ledger import) quadratic.
        var byKey = new Dictionary<(IEntityType, string), EntityEntry>();
        foreach (var entry in entries.Where(e => e.Entity is IVersioned && e.Metadata.FindPrimaryKey() is not null))
        {
            byKey.TryAdd((entry.Metadata, KeyText(entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue))), entry);
        }
        foreach (var part in entries
                     .Where(e => e.State is EntityState.Added or EntityState.Deleted || (e.State == EntityState.Modified && e.Entity is not IVersioned)))
        {
            MarkOwnersModified(byKey, part);
        }
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            var version = entry.Property(e => e.Version);
            if (entry.State == EntityState.Added)
            {
                version.CurrentValue = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    private static string KeyText(IEnumerable<object?> values) =>
        string.Join("\u001f", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A changed part makes its aggregate root modified, so that the root's version moves too.</summary>
    private static void MarkOwnersModified(Dictionary<(IEntityType, string), EntityEntry> byKey, EntityEntry part)
    {
        foreach (var foreignKey in part.Metadata.GetForeignKeys())
        {
            var isPartOf = foreignKey.IsOwnership || foreignKey.PrincipalToDependent is not null;
            if (!isPartOf || !typeof(IVersioned).IsAssignableFrom(foreignKey.PrincipalEntityType.ClrType))
            {
                continue;
            }
            var keyValues = foreignKey.Properties
                .Select(p => part.State == EntityState.Deleted ? part.Property(p.Name).OriginalValue : part.Property(p.Name).CurrentValue)
                .ToArray();
            // Parts point at their owner's primary key (Id) throughout the model; the dictionary is keyed by it.
            if (foreignKey.PrincipalKey.IsPrimaryKey()
                && byKey.TryGetValue(((IEntityType)foreignKey.PrincipalEntityType, KeyText(keyValues)), out var owner) && owner.State == EntityState.Unchanged)
            {
                owner.Property(nameof(IVersioned.Version)).IsModified = true;
            }
        }
    }
}
