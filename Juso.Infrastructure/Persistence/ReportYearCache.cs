using Juso.Domain.Common;
using Juso.Domain.Statistics;

namespace Juso.Infrastructure.Persistence;

/// <summary>
/// The yearly report's columns of closed 年度 (<see cref="YearlyReport.Column"/>), per scope (the municipality, or one
/// agency's cases), so that a report over ten years reads and counts only the current one (docs/adr/0026). A save that
/// changes what a year counts (<see cref="Interceptors.ReportChangeInterceptor"/>) drops that year and every later one.
/// In-process only: with several instances (Redis configured) it is <see cref="Disabled"/>, since an instance would not
/// see the others' saves.
/// </summary>
public sealed class ReportYearCache
{
    private readonly object _gate = new();
    private readonly Dictionary<(int? AgencyId, int Year), IReadOnlyDictionary<string, Figure?>> _columns = [];
    private long _generation;

    /// <summary>A cache that keeps nothing: every report is counted from the data.</summary>
    public static ReportYearCache Disabled { get; } = new(enabled: false);

    public ReportYearCache()
        : this(enabled: true)
    {
    }

    private ReportYearCache(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    /// <summary>Read before loading the facts of a column; <see cref="Keep"/> refuses the column if a change came in between.</summary>
    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    public IReadOnlyDictionary<string, Figure?>? Find(int? agencyId, FiscalYear year)
    {
        lock (_gate)
        {
            return _columns.GetValueOrDefault((agencyId, year.StartYear));
        }
    }

    /// <summary>Keeps the column of a closed year, unless any change was saved since <paramref name="generation"/>.</summary>
    public void Keep(int? agencyId, FiscalYear year, IReadOnlyDictionary<string, Figure?> column, long generation)
    {
        lock (_gate)
        {
            if (Enabled && generation == _generation)
            {
                _columns[(agencyId, year.StartYear)] = column;
            }
        }
    }

    /// <summary>Drops the columns of the 年度 starting in <paramref name="fromYear"/> and of every later one, for every scope.</summary>
    public void Invalidate(int fromYear)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var key in _columns.Keys.Where(k => k.Year >= fromYear).ToList())
            {
                _columns.Remove(key);
            }
        }
    }
}
