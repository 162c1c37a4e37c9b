using Juso.Domain.Auditing;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>What a change to a lead works with: one context, the tracked lead, the user and the time.</summary>
public sealed record LeadChange(JusoDbContext Db, OutreachLead Lead, UserContext User, DateTimeOffset Now)
{
    /// <summary>What the open boards of meetings with the lead on their agenda show as 「最終変更」.</summary>
    public string BoardLabel { get; set; } = "アウトリーチ対象者の変更";
}

/// <summary>
/// The one way feature services change a lead or anything of it: load it, check the user may work on it, check the
/// version the user saw (null: a change that adds a row of its own and needs no lock on the lead), apply the domain
/// change, save it with its audit row, then tell the open boards of the meetings the lead is on.
/// </summary>
public sealed class LeadWork(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time, MeetingLeadListener meetings)
{
    /// <param name="change">Returns the audit detail and, for something created, a function giving its id after the save.</param>
    public async Task<SaveResult> ChangeAsync(int leadId, int? expectedVersion, AuditAction action, Func<LeadChange, Task<(string Detail, Func<int>? Created)>> change)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var lead = await db.OutreachLeads.SingleOrDefaultAsync(l => l.Id == leadId);
        if (lead is null || !LeadAccess.CanWork(user, await LeadAccess.ViewerAsync(db, user), lead))
        {
            if (lead is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, detail: action.Label(), leadIds: [leadId]);
            }
            return SaveResult.NotFound();
        }
        if (expectedVersion is { } expected && lead.Version != expected)
        {
            return SaveResult.Conflict();
        }
        return await Saving.GuardAsync(async () =>
        {
            var context = new LeadChange(db, lead, user, time.GetUtcNow());
            var (detail, created) = await change(context);
            audit.Add(db, user, action, detail: detail, leadIds: [leadId]);
            await db.SaveChangesAsync();
            await meetings.LeadChangedAsync(leadId, context.BoardLabel);
            return SaveResult.Saved(created?.Invoke() ?? lead.Id, lead.Version);
        });
    }
}
