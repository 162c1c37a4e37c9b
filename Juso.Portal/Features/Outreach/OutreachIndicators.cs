using Juso.Domain.Common;
using Juso.Domain.Statistics;
using Juso.Portal.Features.Reports;

namespace Juso.Portal.Features.Outreach;

/// <summary>The outreach figures (docs/adr/0021) as the yearly report's evaluation indicators.</summary>
public sealed class OutreachIndicators(OutreachFigures figures) : IIndicatorSource
{
    public IReadOnlyCollection<Indicator> Provides { get; } =
        [Indicator.OutreachFound, Indicator.OutreachPlans, Indicator.OutreachContinuous, Indicator.OutreachConnected];

    public async Task<IReadOnlyDictionary<Indicator, decimal>> ActualsAsync(FiscalYear year, CancellationToken cancellationToken = default)
    {
        var f = await figures.ForFiscalYearAsync(year, cancellationToken);
        return new Dictionary<Indicator, decimal>
        {
            [Indicator.OutreachFound] = f.Identified,
            [Indicator.OutreachPlans] = f.PlansApproved,
            [Indicator.OutreachContinuous] = f.ContinuingContact,
            [Indicator.OutreachConnected] = f.ConnectedToSupport,
        };
    }
}
