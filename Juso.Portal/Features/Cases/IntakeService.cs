using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>相談受付: opens a case, with a new household or one the user already sees, all or nothing.</summary>
public sealed class IntakeService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<bool> CanTakeIntakeAsync() => CaseAccess.CanTakeIntake(await currentUser.GetAsync());

    /// <summary>The agency of an agency member: a referral they take in comes from it unless they choose another.</summary>
    public async Task<int?> OwnAgencyIdAsync() => await currentUser.GetAsync() is var user && user.IsInRole(Infrastructure.Identity.JusoRoles.AgencyMember)
        ? user.AgencyId
        : null;

    /// <summary>Prefills the household part from a household the user may see (a new consultation from a known household).</summary>
    public async Task<IntakeForm?> NewFormForHouseholdAsync(int householdId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var household = await FindVisibleHouseholdAsync(db, user, householdId, tracking: false);
        if (household is null)
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, householdId: householdId, detail: "相談受付（登録済み世帯）");
            return null;
        }
        await audit.WriteAsync(user, AuditAction.HouseholdViewed, householdId: householdId, detail: "相談受付のため");
        return new IntakeForm
        {
            ExistingHouseholdId = household.Id,
            ExistingHouseholdVersion = household.Version,
            Address = household.Address,
            Phone = household.Phone,
            Note = household.Note,
            Members = HouseholdService.Members(household, JapanDate.Today(time.GetUtcNow())).Select(MemberForm.From).ToList(),
        };
    }

    /// <summary>Prefills the whole form from an アウトリーチ対象者 who consented: nothing known is typed twice.</summary>
    public async Task<IntakeForm?> NewFormForLeadAsync(int leadId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await Outreach.LeadConversion.PrefillAsync(db, user, audit, leadId, JapanDate.Today(time.GetUtcNow()));
    }

    public async Task<SaveResult> OpenCaseAsync(IntakeForm form)
    {
        var user = await currentUser.GetAsync();
        if (!CaseAccess.CanTakeIntake(user))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: "相談受付");
            return SaveResult.NotFound();
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Saving.GuardAsync(() => TryOpenCaseAsync(form, user));
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                // Most likely another intake took the same running number at the same moment: take the next one.
                if (attempt == Attempts)
                {
                    return SaveResult.Invalid("混み合っているため保存できませんでした。入力内容はそのままです。もう一度「受け付ける」を押してください。");
                }
            }
        }
    }

    /// <summary>Household and case are saved in one transaction: a failure in either leaves nothing behind.</summary>
    private async Task<SaveResult> TryOpenCaseAsync(IntakeForm form, UserContext user)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.InTransactionAsync(_ => SaveIntakeAsync(db, form, user), result => result.Status == SaveStatus.Saved);
    }

    private async Task<SaveResult> SaveIntakeAsync(JusoDbContext db, IntakeForm form, UserContext user)
    {
        var now = time.GetUtcNow();
        var errors = new List<DomainError>();

        Agency? referring = null;
        if (form.ReferringAgencyId is { } referringId)
        {
            referring = await db.Agencies.SingleOrDefaultAsync(a => a.Id == referringId);
            if (referring is null)
            {
                return SaveResult.Invalid("選択されたつなぎ元の機関が見つかりません。", nameof(IntakeForm.ReferringAgencyId));
            }
        }
        var intakeAgency = user.AgencyId is { } agencyId && user.IsInRole(Infrastructure.Identity.JusoRoles.AgencyMember)
            ? await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId)
            : null;
        // A referral an agency member takes in comes from their own agency unless they chose another: not asked again.
        if (referring is null && form.IntakeRoute == IntakeRoute.AgencyReferral && intakeAgency is not null)
        {
            referring = intakeAgency;
        }

        Household? household = null;
        if (form.ExistingHouseholdId is { } householdId)
        {
            household = await FindVisibleHouseholdAsync(db, user, householdId, tracking: true);
            if (household is null)
            {
                return SaveResult.NotFound();
            }
            if (household.Version != form.ExistingHouseholdVersion)
            {
                return SaveResult.Conflict();
            }
            try
            {
                household.Revise(form.Address, form.Phone, form.Note, form.Members.Select(m => (m.MemberId, m.ToDetails())).ToList(), now);
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }
        else
        {
            try
            {
                household = Household.Create(form.Address, form.Phone, form.Note, form.MemberDetails(), now);
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        var intake = form.ToIntakeDetails() with { ReferringAgencyId = referring?.Id };
        var consent = form.Consent.ToDetails();
        errors.AddRange(form.ChoiceErrors());
        var categories = await db.CategoryCatalogAsync();
        errors.AddRange(SupportCase.CheckIntake(intake, categories, referring, consent,
            form.Members.Select(m => m.ToDetails().BirthDate).ToList(), JapanDate.Today(now)));
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        if (household!.Id == 0)
        {
            db.Households.Add(household);
        }
        await db.SaveChangesAsync();

        var fiscalYear = FiscalYear.Of(intake.Date!.Value).StartYear;
        var sequence = (await db.Cases.Where(c => c.FiscalYear == fiscalYear).MaxAsync(c => (int?)c.Sequence) ?? 0) + 1;
        var supportCase = SupportCase.Open(household, intake, categories, referring, intakeAgency, consent, sequence, user.Actor, now);
        if (CaseService.IsAssignedCoordinator(user) && await db.Staff.SingleOrDefaultAsync(s => s.Id == user.StaffId) is { IsActive: true } coordinator)
        {
            supportCase.AssignCoordinator(coordinator, user.Actor, now);
        }
        db.Cases.Add(supportCase);
        await db.SaveChangesAsync();
        if (form.LeadId is { } leadId && await Outreach.LeadConversion.LinkAsync(db, user, audit, leadId, form.LeadVersion, supportCase, now) is { } refused)
        {
            return refused;
        }
        audit.Add(db, user, AuditAction.CaseOpened, supportCase.Id, household.Id, $"ケース番号 {supportCase.Number}");
        await db.SaveChangesAsync();
        return SaveResult.Saved(supportCase.Id, supportCase.Version);
    }

    private static async Task<Household?> FindVisibleHouseholdAsync(JusoDbContext db, UserContext user, int householdId, bool tracking)
    {
        var visible = await CaseAccess.Visible(db.Cases, await CaseAccess.ViewerAsync(db, user)).AnyAsync(c => c.HouseholdId == householdId);
        if (!visible)
        {
            return null;
        }
        var households = tracking ? db.Households : db.Households.AsNoTracking();
        return await households.Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == householdId);
    }
}
