using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Juso.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The change tracker as one save found it, shared by the interceptors of that save (<see cref="VersionInterceptor"/>,
/// <see cref="ReportChangeInterceptor"/>): changes detected once, the entries listed once and every tracked entity
/// found by type and key through one lookup. Each interceptor detecting again, and searching every tracked entity for
/// each changed part's owner, made a large save (a ledger import slice) quadratic.
/// </summary>
internal sealed class SaveScan
{
    private static readonly ConditionalWeakTable<DbContext, SaveScan> Current = [];

    private readonly Dictionary<(IEntityType Type, object Key), EntityEntry> _byKey = [];

    private SaveScan(DbContext context)
    {
        var tracker = context.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            Entries = tracker.Entries().ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
        foreach (var entry in Entries)
        {
            if (entry.Metadata.FindPrimaryKey() is { } key)
            {
                _byKey.TryAdd((entry.Metadata, KeyOf(key.Properties.Select(p => entry.Property(p.Name).CurrentValue))), entry);
            }
        }
    }

    /// <summary>Every tracked entry; their states are live, so a change an interceptor makes (a version bumped) shows.</summary>
    public IReadOnlyList<EntityEntry> Entries { get; }

    /// <summary>
    /// Starts the scan of a save: the first interceptor of the save calls it (<see cref="VersionInterceptor"/>, registered
    /// first); a later one takes it through <see cref="Of"/>.
    /// </summary>
    public static SaveScan Begin(DbContext context)
    {
        var scan = new SaveScan(context);
        Current.AddOrUpdate(context, scan);
        return scan;
    }

    /// <summary>The scan of the save under way, or a new one when no interceptor began it.</summary>
    public static SaveScan Of(DbContext context) => Current.TryGetValue(context, out var scan) ? scan : Begin(context);

    /// <summary>Once the save succeeded, failed or was cancelled: the next save scans again.</summary>
    public static void End(DbContext? context)
    {
        if (context is not null)
        {
            Current.Remove(context);
        }
    }

    /// <summary>The tracked entity of <paramref name="type"/> with primary key <paramref name="keyValues"/>, if any.</summary>
    public EntityEntry? Find(IEntityType type, IReadOnlyList<object?> keyValues) => _byKey.GetValueOrDefault((type, KeyOf(keyValues)));

    /// <summary>A single-column key as its value (every entity here has an int Id), a composite one as text.</summary>
    private static object KeyOf(IEnumerable<object?> values)
    {
        var list = values as IReadOnlyList<object?> ?? values.ToList();
        return list.Count == 1 && list[0] is { } single
            ? single
            : string.Join("\u001f", list.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
