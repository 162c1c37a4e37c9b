using Juso.Domain.Common;
using Juso.Domain.Community;
using Juso.Domain.Participation;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Participation;

/// <summary>
/// One 年度's figures of 参加支援 and 地域づくり. Definitions (docs/adr/0022):
/// 参加支援プラン件数 = plans created in the year; マッチング件数 = plans matched to a host in the year;
/// 居場所の延べ参加者数 = participants summed over the sessions held in the year (all places and events; by kind beside it);
/// the rest are for the annual review's narrative.
/// </summary>
public sealed record ParticipationYearFigures(
    FiscalYear Year,
    int ParticipationPlans,
    int Matchings,
    int CommunityParticipants,
    IReadOnlyDictionary<PlaceKind, int> ParticipantsByKind,
    int CommunitySessions,
    int ConsultationsFromPlaces,
    int ResourcesDeveloped,
    int LackingResourcesRaised);

/// <summary>
/// The yearly figures as a query other features (the yearly report) call: counts only, no personal data, so no case
/// access check; each figure is computed from the records, never stored.
/// </summary>
public sealed class ParticipationFigures(IDbContextFactory<JusoDbContext> factory)
{
    public async Task<ParticipationYearFigures> ForFiscalYearAsync(FiscalYear year, CancellationToken cancellationToken = default)
    {
        var (first, last) = (year.FirstDay, year.LastDay);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var plans = await db.ParticipationPlans.CountAsync(p => p.CreatedOn >= first && p.CreatedOn <= last, cancellationToken);
        var matchings = await db.ParticipationPlans.CountAsync(p => p.MatchedOn >= first && p.MatchedOn <= last, cancellationToken);
        var sessions = await (from p in db.CommunityPlaces
                              from s in p.Sessions
                              where s.HeldOn >= first && s.HeldOn <= last
                              group s by p.Kind into g
                              select new { Kind = g.Key, Sessions = g.Count(), Participants = g.Sum(s => s.Participants) })
            .ToListAsync(cancellationToken);
        var referrals = await db.CommunityPlaces.SelectMany(p => p.Referrals).CountAsync(r => r.On >= first && r.On <= last, cancellationToken);
        var developed = await db.SocialResources.CountAsync(r => r.IsDeveloped && r.DevelopedOn >= first && r.DevelopedOn <= last, cancellationToken);
        var lacking = await db.SocialResources.CountAsync(r => r.RaisedOn >= first && r.RaisedOn <= last, cancellationToken);
        return new ParticipationYearFigures(year, plans, matchings, sessions.Sum(s => s.Participants), sessions.ToDictionary(s => s.Kind, s => s.Participants),
            sessions.Sum(s => s.Sessions), referrals, developed, lacking);
    }
}
