using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// The アウトリーチ対象者 of a lead item on the board: its stage, contact frequency and latest アウトリーチプラン. Who may
/// read it is decided per viewer by <see cref="LeadConfidentiality"/> (<c>BoardLeadPlan</c> asks); <paramref name="Withheld"/>
/// is the meeting's own rule: a 重層的支援会議 shows nothing of a lead without consent (consent withdrawn after it was
/// put on the agenda), as it does for a case.
/// </summary>
public sealed record BoardLead(int LeadId, LeadStage Stage, int ContactEveryDays, BoardOutreachPlan? Plan, bool Withheld);

/// <param name="MeetingKind">The kind of meeting that approved (重層的支援会議) or discussed (支援会議) the plan, once it did.</param>
public sealed record BoardOutreachPlan(int Number, string Goal, string Approach, string DraftedByName, DateOnly? ApprovedOn, MeetingKind? MeetingKind)
{
    public string Status => ApprovedOn is null ? "案" : MeetingKind == Domain.Meetings.MeetingKind.MultiLayered ? "承認済み" : "協議済み";
}

internal static class BoardLeads
{
    /// <summary>The leads on the agenda, with their latest plan, by lead id.</summary>
    public static async Task<IReadOnlyDictionary<int, BoardLead>> LoadAsync(JusoDbContext db, Meeting meeting)
    {
        var leadIds = meeting.Agenda.Where(a => a.LeadId is not null).Select(a => a.LeadId!.Value).ToList();
        if (leadIds.Count == 0)
        {
            return new Dictionary<int, BoardLead>();
        }
        var leads = await db.OutreachLeads.AsNoTracking().Where(l => leadIds.Contains(l.Id)).ToListAsync();
        var plans = (await db.OutreachPlans.AsNoTracking().Where(p => leadIds.Contains(p.LeadId)).ToListAsync())
            .GroupBy(p => p.LeadId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Number)!);
        return leads.ToDictionary(l => l.Id, l =>
        {
            var withheld = meeting.Kind == MeetingKind.MultiLayered && !l.HasConsent;
            var plan = !withheld && plans.TryGetValue(l.Id, out var p)
                ? new BoardOutreachPlan(p.Number, p.Goal, p.Approach, p.DraftedByName, p.ApprovedOn, p.MeetingKind)
                : null;
            return new BoardLead(l.Id, l.Stage, l.ContactEveryDays, plan, withheld);
        });
    }
}
