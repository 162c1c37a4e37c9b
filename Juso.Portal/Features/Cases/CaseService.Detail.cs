using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>The case page: the case as the user may see it, and after a lost race who changed it.</summary>
public sealed partial class CaseService
{
    /// <summary>Every change that moves a case's version: one of them beat the user to it.</summary>
    private static readonly AuditAction[] CaseChanges =
    [
        AuditAction.CaseUpdated, AuditAction.ConsentRecorded, AuditAction.StageChanged, AuditAction.AssessmentRecorded, AuditAction.PlanChanged,
        AuditAction.PlanApproved, AuditAction.ContactRecorded, AuditAction.MonitoringRecorded, AuditAction.CaseClosed, AuditAction.MeetingBoardChanged,
        AuditAction.MinutesApproved,
    ];

    /// <summary>After a lost race: the case as saved now, and who changed it since <paramref name="since"/> (when the loser loaded it).</summary>
    public async Task<(CaseDetail? Case, SavedBy? By)> SavedStateAsync(int caseId, DateTime since)
    {
        var supportCase = await GetAsync(caseId);
        var user = await currentUser.GetAsync();
        return (supportCase, supportCase is null ? null : await audit.LastChangeAsync(new ChangeScope(caseId, null, since), user.UserId, CaseChanges));
    }

    /// <summary>The case page's data, or null when the case does not exist or the user may not see it (the page shows "not found" either way).</summary>
    public async Task<CaseDetail?> GetAsync(int caseId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var supportCase = await db.Cases.AsNoTracking().AsSplitQuery()
            .Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is null)
        {
            return null;
        }
        var viewer = await CaseAccess.ViewerAsync(db, user);
        if (!CaseAccess.CanRead(viewer, supportCase))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, caseId, detail: "ケースの閲覧");
            return null;
        }
        var household = await db.Households.AsNoTracking().Include(h => h.Members).SingleAsync(h => h.Id == supportCase.HouseholdId);
        var agencyNames = await AgencyNamesAsync(db);
        var coordinator = supportCase.CoordinatorStaffId is { } staffId
            ? await db.Staff.Where(s => s.Id == staffId).Select(s => s.Name).SingleOrDefaultAsync()
            : null;
        var today = JapanDate.Today(time.GetUtcNow());

        await audit.WriteAsync(user, AuditAction.CaseViewed, caseId, household.Id);
        return new CaseDetail(
            supportCase.Id,
            supportCase.Number,
            supportCase.Version,
            supportCase.Stage,
            supportCase.IntakeDate,
            supportCase.IntakeRoute,
            supportCase.ReferringAgencyId is { } referring ? agencyNames.GetValueOrDefault(referring) : null,
            supportCase.FiscalYear,
            supportCase.Concerns.Select(c => c.Category).ToList(),
            (await db.CategoryCatalogAsync()).NamesOf(supportCase.Concerns.Select(c => c.Category), new FiscalYear(supportCase.FiscalYear)),
            supportCase.IntakeSummary,
            supportCase.ConsulterName,
            supportCase.CurrentConsent,
            supportCase.LeadAgencyId is { } lead ? agencyNames.GetValueOrDefault(lead) : null,
            coordinator,
            household.Id,
            household.Address,
            HouseholdService.Members(household, today),
            supportCase.Agencies.OrderBy(a => a.Role).ThenBy(a => a.Since)
                .Select(a => new CaseAgencyView(a.AgencyId, agencyNames.GetValueOrDefault(a.AgencyId, "（不明な機関）"), a.Role, a.Since)).ToList(),
            supportCase.Consents.OrderBy(r => r.Date).ThenBy(r => r.Id)
                .Select(r => new ConsentView(r.Status, r.Date, r.Method, r.Note, r.RecordedByName, r.RecordedAt)).ToList(),
            supportCase.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Select(e => new TimelineEntry(e.At, e.Kind, e.Description, e.ActorName)).ToList(),
            supportCase.ClosedOn,
            supportCase.ClosureReason,
            supportCase.ClosureEvaluation,
            supportCase.IsClosed ? await FollowUps.NextAsync(db, caseId) : null,
            CaseAccess.CanEdit(user, viewer, supportCase),
            CaseAccess.CanManageAgencies(user, supportCase));
    }
}
