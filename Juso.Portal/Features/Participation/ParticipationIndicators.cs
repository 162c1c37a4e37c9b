using Juso.Domain.Common;
using Juso.Domain.Statistics;
using Juso.Portal.Features.Reports;

namespace Juso.Portal.Features.Participation;

/// <summary>The participation and community figures (docs/adr/0022) as the yearly report's evaluation indicators.</summary>
public sealed class ParticipationIndicators(ParticipationFigures figures) : IIndicatorSource
{
    public IReadOnlyCollection<Indicator> Provides { get; } =
        [Indicator.ParticipationPlans, Indicator.Matchings, Indicator.CommunityParticipants];

    public async Task<IReadOnlyDictionary<Indicator, decimal>> ActualsAsync(FiscalYear year, CancellationToken cancellationToken = default)
    {
        var f = await figures.ForFiscalYearAsync(year, cancellationToken);
        return new Dictionary<Indicator, decimal>
        {
            [Indicator.ParticipationPlans] = f.ParticipationPlans,
            [Indicator.Matchings] = f.Matchings,
            [Indicator.CommunityParticipants] = f.CommunityParticipants,
        };
    }
}
