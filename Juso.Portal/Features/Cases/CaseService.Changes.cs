using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>The changes made from the case page: consent, agencies and 相談分類, each through <see cref="CaseWork"/> with the case's version.</summary>
public sealed partial class CaseService
{
    public Task<SaveResult> RecordConsentAsync(int caseId, int expectedVersion, ConsentForm form) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.ConsentRecorded, CaseWork.AnyEditor, async c =>
        {
            if (form.ToDetails() is not { } consent)
            {
                throw new DomainException("同意の状態を選択してください。", nameof(ConsentForm.Status));
            }
            c.Case.RecordConsent(consent, c.User.Actor, c.Now);
            if (consent.Status == ConsentStatus.Withdrawn)
            {
                // domain.md: from withdrawal on, the current 支援プラン stops; signed versions stay as records.
                foreach (var plan in await c.Db.Plans.Where(p => p.SupportCaseId == caseId).ToListAsync())
                {
                    if (plan.StopForWithdrawnConsent(c.Now))
                    {
                        c.Case.NotePlanChange($"本人同意の撤回により、{plan.Kind.Label()}（第{plan.PlanVersion}版）を停止しました。", c.User.Actor, c.Now);
                    }
                }
            }
            return $"本人同意: {consent.Status.Label()}";
        });

    public Task<SaveResult> SetLeadAgencyAsync(int caseId, int expectedVersion, int agencyId) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseUpdated, CaseAccess.CanManageAgencies, async c =>
        {
            var agency = await FindAgencyAsync(c.Db, agencyId);
            c.Case.SetLeadAgency(agency, c.User.Actor, c.Now);
            return $"主担当機関: {agency.Name}";
        });

    public Task<SaveResult> InvolveAgencyAsync(int caseId, int expectedVersion, int agencyId) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseUpdated, CaseAccess.CanManageAgencies, async c =>
        {
            var agency = await FindAgencyAsync(c.Db, agencyId);
            AgencyInvolvement.Involve(c.Case, agency, CaseAccess.Involver(c.User), c.Now);
            return $"関わる機関を追加: {agency.Name}";
        });

    public Task<SaveResult> ReviseConcernsAsync(int caseId, int expectedVersion, IReadOnlyCollection<string> codes) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseUpdated, CaseWork.AnyEditor, async c =>
        {
            var catalog = await c.Db.CategoryCatalogAsync();
            c.Case.ReviseConcerns(codes, catalog, c.User.Actor, c.Now);
            return $"相談分類: {string.Join("・", catalog.NamesOf(codes, new FiscalYear(c.Case.FiscalYear)))}";
        });

    internal static async Task<Agency> FindAgencyAsync(JusoDbContext db, int agencyId) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId)
        ?? throw new DomainException("指定された機関が見つかりません。", "AgencyId");
}
