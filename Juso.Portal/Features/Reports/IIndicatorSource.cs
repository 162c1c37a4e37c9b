using Juso.Domain.Common;
using Juso.Domain.Statistics;

namespace Juso.Portal.Features.Reports;

/// <summary>
/// Extension point for the indicators whose data comes with a later feature (outreach, participation): the feature
/// registers an implementation, and its indicators show figures; an indicator no source provides shows 「未集計」.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>The indicators this source gives the actual figure of.</summary>
    IReadOnlyCollection<Indicator> Provides { get; }

    /// <summary>
    /// The actual figures of <see cref="Provides"/> in <paramref name="year"/>, municipality-wide; one call per year so a
    /// source computes its figures together.
    /// </summary>
    Task<IReadOnlyDictionary<Indicator, decimal>> ActualsAsync(FiscalYear year, CancellationToken cancellationToken = default);
}
