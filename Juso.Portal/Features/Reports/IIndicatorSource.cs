using Juso.Domain.Common;
using Juso.Domain.Statistics;

namespace Juso.Portal.Features.Reports;

/// <summary>
/// Extension point for the indicators whose data comes with a later feature (outreach, participation): the feature
/// registers an implementation, and its indicators show figures instead of 「未集計」. Until then none is registered.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>The indicators this source gives the actual figure of.</summary>
    IReadOnlyCollection<Indicator> Provides { get; }

    /// <summary>The actual figure of <paramref name="indicator"/> in <paramref name="year"/>, municipality-wide; null while not counted.</summary>
    Task<decimal?> ActualAsync(Indicator indicator, FiscalYear year, CancellationToken cancellationToken = default);
}
