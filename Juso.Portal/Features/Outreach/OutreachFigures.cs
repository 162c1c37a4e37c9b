using Juso.Domain.Common;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <param name="Identified">アウトリーチ把握件数: leads put on the list in the year (把握日).</param>
/// <param name="ContinuingContact">継続的な関わり: leads someone reached (会えた・話せた) at least once in the year.</param>
/// <param name="ConnectedToSupport">支援につながった人数: leads converted to an intake in the year.</param>
/// <param name="PlansApproved">アウトリーチプラン件数: plans a meeting approved or discussed in the year.</param>
public sealed record OutreachYearFigures(FiscalYear Year, int Identified, int ContinuingContact, int ConnectedToSupport, int PlansApproved);

/// <summary>
/// The outreach figures of a 年度, each defined here once and computed from the leads, never stored as totals
/// (docs/adr/0021). Aggregates only: no personal data leaves, so the calling report decides who may see them.
/// </summary>
public sealed class OutreachFigures(IDbContextFactory<JusoDbContext> factory)
{
    public async Task<OutreachYearFigures> ForFiscalYearAsync(FiscalYear year, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year.StartYear, 4, 1);
        var next = first.AddYears(1);
        // Attempts are instants: the year runs from 1 April 00:00 in Japan.
        var from = JapanDate.At(first.ToDateTime(TimeOnly.MinValue), null).UtcDateTime;
        var to = JapanDate.At(next.ToDateTime(TimeOnly.MinValue), null).UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var identified = await db.OutreachLeads.CountAsync(l => l.RegisteredOn >= first && l.RegisteredOn < next, cancellationToken);
        var continuing = await db.OutreachContacts
            .Where(c => c.OccurredAt >= from && c.OccurredAt < to && (c.Outcome == OutreachOutcome.Met || c.Outcome == OutreachOutcome.Talked))
            .Select(c => c.LeadId).Distinct().CountAsync(cancellationToken);
        var connected = await db.OutreachLeads.CountAsync(l => l.ConvertedOn >= first && l.ConvertedOn < next, cancellationToken);
        var plans = await db.OutreachPlans.CountAsync(p => p.ApprovedOn >= first && p.ApprovedOn < next, cancellationToken);
        return new OutreachYearFigures(year, identified, continuing, connected, plans);
    }
}
