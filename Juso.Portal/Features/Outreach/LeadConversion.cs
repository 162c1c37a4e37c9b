using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>
/// From lead to case: the intake form starts with everything the lead knows (address, who the person is, the worry,
/// where word came from, the consent), and the save that opens the case links the lead to it in the same transaction.
/// </summary>
public static class LeadConversion
{
    /// <summary>The intake form prefilled from a consented lead the user may work on, or null (a lead seen by no right is audited as a denial).</summary>
    public static async Task<IntakeForm?> PrefillAsync(JusoDbContext db, UserContext user, AuditLog audit, int leadId, DateOnly today)
    {
        var lead = await db.OutreachLeads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == leadId);
        if (lead is null || !LeadAccess.CanWork(user, await LeadAccess.ViewerAsync(db, user), lead))
        {
            if (lead is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, detail: AuditAction.LeadConverted.Label(), leadIds: [leadId]);
            }
            return null;
        }
        if (lead.Stage != LeadStage.Consented)
        {
            return null;
        }
        var sourceAgency = lead.SourceAgencyId is { } sourceId ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == sourceId) : null;
        var approach = await db.OutreachPlans.AsNoTracking().Where(p => p.LeadId == leadId).OrderByDescending(p => p.Number)
            .Select(p => p.Goal).FirstOrDefaultAsync();
        var attempts = await db.OutreachContacts.AsNoTracking().CountAsync(c => c.LeadId == leadId);
        await audit.WriteAsync(user, AuditAction.LeadViewed, detail: "相談受付への移行のため", leadIds: [leadId]);
        var summary = string.Join("\n", new[]
        {
            $"【アウトリーチからの移行】{JapaneseFormat.WarekiDate(lead.RegisteredOn)}把握（{lead.Source.Label()}）。働きかけ{attempts}回。",
            lead.Worry,
            approach is null ? null : $"アウトリーチプランの目標：{approach}",
        }.OfType<string>());
        return new IntakeForm
        {
            LeadId = lead.Id,
            LeadVersion = lead.Version,
            IntakeDate = today.ToDateTime(TimeOnly.MinValue),
            IntakeRoute = IntakeRoute.Outreach,
            ReferringAgencyId = sourceAgency?.IsActive == true ? sourceAgency.Id : null,
            ConsulterName = lead.SourceNote,
            IntakeSummary = summary.Length > SupportCase.SummaryMaxLength ? summary[..SupportCase.SummaryMaxLength] : summary,
            Address = lead.Address,
            Members = [new MemberForm { Relationship = Relationship.Principal, Note = lead.Description }],
            Consent = new ConsentForm
            {
                Status = lead.HasConsent ? ConsentStatus.Obtained : null,
                Date = lead.ConsentOn?.ToDateTime(TimeOnly.MinValue),
                Method = lead.ConsentMethod,
            },
        };
    }

    /// <summary>
    /// Links the lead to the case just opened, inside the intake's transaction. A lead converted already, or changed
    /// since the form was opened, refuses: the whole intake is rolled back.
    /// </summary>
    public static async Task<SaveResult?> LinkAsync(JusoDbContext db, UserContext user, AuditLog audit, int leadId, int leadVersion, SupportCase supportCase, DateTimeOffset now)
    {
        var lead = await db.OutreachLeads.SingleOrDefaultAsync(l => l.Id == leadId);
        if (lead is null || !LeadAccess.CanWork(user, await LeadAccess.ViewerAsync(db, user), lead))
        {
            return SaveResult.NotFound();
        }
        if (lead.ConvertedCaseId is null && lead.Version != leadVersion)
        {
            return SaveResult.Conflict();
        }
        lead.ConvertTo(supportCase.Id, now);
        audit.Add(db, user, AuditAction.LeadConverted, supportCase.Id, supportCase.HouseholdId, $"ケース番号 {supportCase.Number}", leadIds: [leadId]);
        return null;
    }
}
