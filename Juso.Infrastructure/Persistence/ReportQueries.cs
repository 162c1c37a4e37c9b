using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Juso.Infrastructure.Persistence;

/// <summary>
/// Loads the facts the yearly report counts (<see cref="ReportFacts"/>) for a range of 年度, in a few flat queries.
/// The counting itself is the Domain's (<see cref="ReportDefinitions"/>); nothing here decides what a figure means,
/// only which rows can matter to the range. <paramref name="agencyId"/> narrows to the cases that agency has a part in.
/// </summary>
public static class ReportQueries
{
    public static async Task<ReportFacts> LoadAsync(JusoDbContext db, IReadOnlyList<FiscalYear> years, int? agencyId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var from = years[0].FirstDay;
        var to = years[^1].LastDay;
        var cases = db.Cases.AsNoTracking().Where(c => c.IntakeDate <= to && (c.ClosedOn == null || c.ClosedOn >= from));
        if (agencyId is { } scoped)
        {
            cases = cases.Where(c => c.Agencies.Any(a => a.AgencyId == scoped));
        }
        var rows = await cases.Select(c => new { c.Id, c.IntakeDate, c.ClosedOn, c.IsHandedBack, c.IntakeRoute, c.ReferringAgencyId }).ToListAsync(cancellationToken);
        var concerns = (await cases.SelectMany(c => c.Concerns, (c, x) => new { c.Id, x.Category }).ToListAsync(cancellationToken)).ToLookup(x => x.Id, x => x.Category);
        // The counter that took a case matters only where no agency referred it.
        var intakeAgencies = (await cases.Where(c => c.ReferringAgencyId == null)
            .SelectMany(c => c.Agencies.Where(a => a.Role == CaseAgencyRole.Intake), (c, a) => new { c.Id, a.AgencyId })
            .ToListAsync(cancellationToken)).ToLookup(x => x.Id, x => x.AgencyId);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Field, a.Programs }).ToListAsync(cancellationToken);
        var fields = agencies.ToDictionary(a => a.Id, a => a.Field);
        var programs = agencies.Where(a => a.Programs != SupportProgram.None).ToDictionary(a => a.Id, a => a.Programs);
        // Only the parts of agencies that carry a program matter (the figures per program); the rest are not read.
        var programAgencyIds = programs.Keys.ToList();
        var parts = programAgencyIds.Count == 0
            ? Enumerable.Empty<int>().ToLookup(x => x, x => x)
            : (await cases.SelectMany(c => c.Agencies.Where(a => programAgencyIds.Contains(a.AgencyId)), (c, a) => new { c.Id, a.AgencyId })
                .ToListAsync(cancellationToken)).ToLookup(x => x.Id, x => x.AgencyId);

        var caseFacts = rows.Select(c =>
        {
            // The same agency as SupportCase.IntakeAgencyId: the referring agency, else the counter that took it.
            var intakeAgency = c.ReferringAgencyId ?? intakeAgencies[c.Id].Cast<int?>().FirstOrDefault();
            return new CaseFact(c.Id, c.IntakeDate, c.ClosedOn, c.IsHandedBack, c.IntakeRoute,
                intakeAgency is { } a && fields.TryGetValue(a, out var field) ? field : null,
                concerns[c.Id].ToList(), parts[c.Id].ToList());
        }).ToList();
        var inScope = agencyId is null ? null : caseFacts.Select(c => c.CaseId).ToHashSet();

        var planRows = db.Plans.AsNoTracking().Where(p => p.ApprovedOn >= from && p.ApprovedOn <= to);
        var reviewRows = db.MonitoringReviews.AsNoTracking().Where(r => r.ReviewedOn >= from && r.ReviewedOn <= to);
        if (agencyId is not null)
        {
            // An agency's few cases: let the database drop the rest rather than reading every plan and review.
            planRows = planRows.Where(p => cases.Any(c => c.Id == p.SupportCaseId));
            reviewRows = reviewRows.Where(r => cases.Any(c => c.Id == r.SupportCaseId));
        }
        var plans = await planRows
            .Select(p => new PlanFact(p.SupportCaseId, p.PlanVersion, p.Kind, p.ApprovedOn!.Value, p.UsesOutreach, p.UsesParticipationSupport))
            .ToListAsync(cancellationToken);
        // Meetings are stored at a UTC instant; a day's margin each side, then the Japan date decides.
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1);
        var toUtc = to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(2);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ScheduledAt >= fromUtc && m.ScheduledAt < toUtc)
            .Select(m => new { m.Id, m.Kind, m.Cadence, m.ScheduledAt, Cases = m.Agenda.Where(a => a.SupportCaseId != null).Select(a => a.SupportCaseId!.Value).ToList() })
            .ToListAsync(cancellationToken);
        var reviews = await reviewRows
            .Select(r => new MonitoringFact(r.SupportCaseId, r.DueOn, r.ReviewedOn)).ToListAsync(cancellationToken);

        var meetingFacts = meetings
            .Select(m => new MeetingFact(m.Id, m.Kind, m.Cadence, JapanDate.Today(JapanDate.FromUtc(m.ScheduledAt)),
                inScope is null ? m.Cases : m.Cases.Where(inScope.Contains).ToList()))
            .Where(m => inScope is null || m.CaseIds.Count > 0)
            .ToList();
        return new ReportFacts(asOf, caseFacts, plans, meetingFacts, reviews, programs);
    }
}
