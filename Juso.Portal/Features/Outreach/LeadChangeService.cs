using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>Changes to leads: register, revise, the relationship stage, consent, ending, and contact attempts.</summary>
public sealed class LeadChangeService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time, LeadWork work)
{
    public async Task<bool> CanRegisterAsync() => LeadAccess.CanRegister(await currentUser.GetAsync());

    /// <summary>An agency member registers for their own agency only; the coordinating roles for any agency.</summary>
    public async Task<SaveResult> RegisterAsync(LeadForm form)
    {
        var user = await currentUser.GetAsync();
        if (!LeadAccess.CanRegister(user))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: AuditAction.LeadRegistered.Label());
            return SaveResult.NotFound();
        }
        if (!CaseAccess.IsCoordinating(user))
        {
            form.ResponsibleAgencyId = user.AgencyId;
        }
        await using var db = await factory.CreateDbContextAsync();
        if (await CheckReferencesAsync(db, form) is { } invalid)
        {
            return invalid;
        }
        return await Saving.GuardAsync(async () =>
        {
            var lead = OutreachLead.Register(form.ToDetails(), time.GetUtcNow());
            db.OutreachLeads.Add(lead);
            await db.SaveChangesAsync();
            audit.Add(db, user, AuditAction.LeadRegistered, detail: lead.Source.Label(), leadIds: [lead.Id]);
            await db.SaveChangesAsync();
            return SaveResult.Saved(lead.Id, lead.Version);
        });
    }

    public async Task<SaveResult> ReviseAsync(int leadId, int version, LeadForm form)
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (await CheckReferencesAsync(db, form) is { } invalid)
            {
                return invalid;
            }
        }
        return await work.ChangeAsync(leadId, version, AuditAction.LeadUpdated, c =>
        {
            if (!CaseAccess.IsCoordinating(c.User))
            {
                // Handing a lead to another agency is a coordinating decision.
                form.ResponsibleAgencyId = c.Lead.ResponsibleAgencyId;
            }
            c.Lead.Revise(form.ToDetails(), c.Now);
            return Done("基本情報");
        });
    }

    public Task<SaveResult> AdvanceAsync(int leadId, int version, LeadStage stage) =>
        work.ChangeAsync(leadId, version, AuditAction.LeadStageChanged, async c =>
        {
            var reached = await c.Db.OutreachContacts.AnyAsync(a => a.LeadId == leadId && (a.Outcome == OutreachOutcome.Met || a.Outcome == OutreachOutcome.Talked));
            c.Lead.AdvanceTo(stage, reached, c.Now);
            return (stage.Label(), (Func<int>?)null);
        });

    public Task<SaveResult> RecordConsentAsync(int leadId, int version, LeadConsentForm form) =>
        work.ChangeAsync(leadId, version, AuditAction.LeadStageChanged, c =>
        {
            c.Lead.RecordConsent(form.ConsentOn is { } d ? DateOnly.FromDateTime(d) : null, form.ConsentMethod, c.Now);
            return Done(LeadStage.Consented.Label());
        });

    /// <summary>本人同意の撤回: the domain says what follows (<see cref="OutreachLead.WithdrawConsent"/>); audited with date and method.</summary>
    public Task<SaveResult> WithdrawConsentAsync(int leadId, int version, LeadConsentForm form) =>
        work.ChangeAsync(leadId, version, AuditAction.LeadStageChanged, c =>
        {
            var on = form.ConsentOn is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
            c.Lead.WithdrawConsent(on, form.ConsentMethod, c.Now);
            c.BoardLabel = "本人同意の撤回";
            return Done($"本人同意の撤回（{JapaneseFormat.Date(on!.Value)}・{form.ConsentMethod!.Value.Label()}）");
        });

    public Task<SaveResult> EndAsync(int leadId, int version, string? reason) =>
        work.ChangeAsync(leadId, version, AuditAction.LeadStageChanged, c =>
        {
            c.Lead.End(reason, c.Now);
            return Done(LeadStage.Ended.Label());
        });

    /// <summary>A new row: the lead itself is not changed, so two workers recording at once both keep theirs.</summary>
    public Task<SaveResult> RecordAttemptAsync(int leadId, ContactAttemptForm form) =>
        work.ChangeAsync(leadId, null, AuditAction.LeadContactRecorded, c =>
        {
            var attempt = OutreachContact.Record(c.Lead, form.ToDetails(), c.User.Actor, c.Now);
            c.Db.OutreachContacts.Add(attempt);
            return Task.FromResult<(string, Func<int>?)>(($"{attempt.Method.Label()}（{attempt.Outcome.Label()}）", () => attempt.Id));
        });

    private static Task<(string, Func<int>?)> Done(string detail) => Task.FromResult<(string, Func<int>?)>((detail, null));

    private static async Task<SaveResult?> CheckReferencesAsync(JusoDbContext db, LeadForm form)
    {
        var errors = new RuleCheck()
            .Require(form.ResponsibleAgencyId is not { } responsible || await db.Agencies.AnyAsync(a => a.Id == responsible && a.IsActive),
                nameof(LeadForm.ResponsibleAgencyId), "選択された担当機関が見つからないか、無効になっています。")
            .Require(form.SourceAgencyId is not { } source || await db.Agencies.AnyAsync(a => a.Id == source),
                nameof(LeadForm.SourceAgencyId), "選択された情報元の機関が見つかりません。")
            .Require(form.OutreachWorkerStaffId is not { } staff || await db.Staff.AnyAsync(s => s.Id == staff && s.IsActive && s.AgencyId == form.ResponsibleAgencyId),
                nameof(LeadForm.OutreachWorkerStaffId), "担当者は担当機関の職員から選択してください。")
            .Errors;
        return errors.Count > 0 ? SaveResult.Invalid(errors) : null;
    }
}
