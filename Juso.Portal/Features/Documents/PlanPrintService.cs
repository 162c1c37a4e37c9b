using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Documents;

/// <summary>
/// Printing plans: the 控え, the print for signature (kept byte for byte) and the signed record. Every preview and
/// every print is audited; who may print what follows who may read it (CaseAccess), and only the coordinating
/// roles print for signature and record signatures. Meeting prints: AgendaPrintService, MinutesPrintService.
/// </summary>
public sealed class PlanPrintService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, CaseWork work,
    IDocumentRenderer renderer, DocumentOptions options, TimeProvider time)
{
    public async Task<PlanPrintView?> PlanPreviewAsync(int caseId, int planId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadPlanAsync(db, user, caseId, planId, "プランの印刷プレビュー");
        if (loaded is null)
        {
            return null;
        }
        var (document, plan, householdId, canManage) = loaded.Value;
        var html = await renderer.RenderHtmlAsync(document);
        string? notForSignature = null;
        try
        {
            PlanSignature.EnsureMayBeSigned(plan);
        }
        catch (DomainException ex)
        {
            notForSignature = ex.Message;
        }
        var signatures = await SignatureViewsAsync(db, planId, plan.Version);
        await audit.WriteAsync(user, AuditAction.DocumentPreviewed, caseId, householdId, $"{document.Title} 第{document.PlanVersion}版");
        return new PlanPrintView(caseId, planId, document, html, notForSignature, canManage, signatures);
    }

    /// <summary>The prints for signature of a plan, newest first (the plan tab lists them).</summary>
    public async Task<IReadOnlyList<PlanSignatureView>> SignaturesAsync(int caseId, int planId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Agencies).SingleOrDefaultAsync(c => c.Id == caseId);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.SupportCaseId == caseId).Select(p => new { p.Version }).SingleOrDefaultAsync();
        if (supportCase is null || plan is null || !CaseAccess.CanRead(await CaseAccess.ViewerAsync(db, user), supportCase))
        {
            return [];
        }
        return await SignatureViewsAsync(db, planId, plan.Version);
    }

    /// <summary>The plan as a PDF for reference (控え): anyone who may read the case.</summary>
    public async Task<PrintedFile> PrintPlanAsync(int caseId, int planId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadPlanAsync(db, user, caseId, planId, "プランの印刷");
        if (loaded is null)
        {
            return PrintedFile.Failed(PrintedFile.NotFound);
        }
        var (document, _, householdId, _) = loaded.Value;
        try
        {
            var pdf = await renderer.RenderPdfAsync(document, cancellationToken);
            audit.Add(db, user, AuditAction.DocumentPrinted, caseId, householdId, $"{PrintRecord(document)}（{pdf.Length / 1024}KB）");
            await db.SaveChangesAsync(cancellationToken);
            return new PrintedFile(pdf, document.FileName, PlanSignature.PdfContentType, null);
        }
        catch (DocumentUnavailableException ex)
        {
            return PrintedFile.Failed(ex.Message);
        }
    }

    /// <summary>
    /// The plan printed for the person to sign: the PDF is kept byte for byte with its SHA-256, in the same save as
    /// the audit row. A 世帯丸ごと支援プラン is refused by the domain before anything is printed.
    /// </summary>
    public async Task<PrintedFile> PrintPlanForSignatureAsync(int caseId, int planId, CancellationToken cancellationToken = default)
    {
        PrintedFile? file = null;
        var result = await work.ChangeAsync(caseId, null, AuditAction.DocumentPrinted, CaseAccess.CanManageAgencies, async c =>
        {
            var loaded = await LoadPlanAsync(c.Db, c.User, caseId, planId, null)
                ?? throw new DomainException("プランが見つかりません。画面を再読み込みしてください。");
            var (reference, plan, _, _) = loaded;
            PlanSignature.EnsureMayBeSigned(plan);
            var document = reference with { Copy = PlanCopy.ForSignature };
            byte[] pdf;
            try
            {
                pdf = await renderer.RenderPdfAsync(document, cancellationToken);
            }
            catch (DocumentUnavailableException ex)
            {
                throw new DomainException(ex.Message);
            }
            var print = PlanSignature.PrintForSignature(plan, pdf, c.User.Actor, c.Now);
            c.Db.PlanSignatures.Add(print);
            c.Case.NotePlanChange($"支援プラン第{print.PlanVersion}版を署名用に印刷しました。", c.User.Actor, c.Now);
            c.Created = () => print.Id;
            file = new PrintedFile(pdf, document.FileName, PlanSignature.PdfContentType, null);
            return $"{PrintRecord(document)}（SHA-256 {print.Sha256[..16]}…）";
        });
        return result.Succeeded && file is not null
            ? file with { SignatureId = result.Id }
            : PrintedFile.Failed(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public Task<SaveResult> MarkSignedAsync(int caseId, int signatureId, int expectedVersion, SignatureForm form) =>
        work.ChangeAsync(caseId, null, AuditAction.PlanSigned, CaseAccess.CanManageAgencies, async c =>
        {
            var signature = await c.Db.PlanSignatures.SingleOrDefaultAsync(s => s.Id == signatureId && s.SupportCaseId == caseId)
                ?? throw new DomainException("この印刷の記録が見つかりません。画面を再読み込みしてください。");
            if (signature.Version != expectedVersion)
            {
                throw new StaleVersionException();
            }
            c.Db.Entry(signature).Property(s => s.Version).OriginalValue = expectedVersion;
            signature.MarkSigned(form.SignedOn is { } on ? DateOnly.FromDateTime(on) : null, form.SignedBy, form.Method, form.Note, c.User.Actor, c.Now);
            if (form.Scan is { } scan)
            {
                signature.AttachScan(form.ScanFileName, scan, c.Now);
            }
            // The timeline says that and when the person signed; who signed and how stay in the signature record.
            c.Case.NotePlanChange($"支援プラン第{signature.PlanVersion}版の署名を記録しました（署名日 {signature.SignedOn:yyyy/MM/dd}）。", c.User.Actor, c.Now);
            c.Created = () => signature.Id;
            // The signer is named in the signature record only: audit rows carry no client names.
            return $"第{signature.PlanVersion}版 署名済み（{signature.SignedOn:yyyy/MM/dd}、{signature.Method?.Label()}）";
        });

    /// <summary>The kept PDF that went out for signature, or the scanned signed copy.</summary>
    public async Task<PrintedFile> SignedCopyAsync(int caseId, int signatureId, bool scan)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Agencies).SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is null || !CaseAccess.CanRead(await CaseAccess.ViewerAsync(db, user), supportCase))
        {
            if (supportCase is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, caseId, detail: "署名済みプランの閲覧");
            }
            return PrintedFile.Failed(PrintedFile.NotFound);
        }
        var signature = await db.PlanSignatures.AsNoTracking().SingleOrDefaultAsync(s => s.Id == signatureId && s.SupportCaseId == caseId);
        if (signature is null || (scan && signature.Scan is null))
        {
            return PrintedFile.Failed("ファイルが見つかりません。");
        }
        await audit.WriteAsync(user, AuditAction.SignedCopyViewed, caseId, supportCase.HouseholdId, $"第{signature.PlanVersion}版 {(scan ? "署名済みの写し" : "署名用に印刷したPDF")}");
        return scan
            // Derived again on the way out: scans stored before names followed the type keep their uploaded name.
            ? new PrintedFile(signature.Scan, PlanSignature.ScanFileNameFor(signature.ScanFileName, signature.ScanContentType!), signature.ScanContentType!, null)
            : new PrintedFile(signature.Pdf, $"plan-{supportCase.Number}-{signature.PlanVersion:D2}-signature-{signature.Id}.pdf", PlanSignature.PdfContentType, null);
    }

    private async Task<(PlanDocumentModel Document, SupportPlan Plan, int HouseholdId, bool CanManage)?> LoadPlanAsync(
        JusoDbContext db, UserContext user, int caseId, int planId, string? deniedDetail)
    {
        var supportCase = await db.Cases.Include(c => c.Agencies).SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is null || !CaseAccess.CanRead(await CaseAccess.ViewerAsync(db, user), supportCase))
        {
            if (supportCase is not null && deniedDetail is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, caseId, detail: deniedDetail);
            }
            return null;
        }
        var plan = await db.Plans.AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments)
            .SingleOrDefaultAsync(p => p.Id == planId && p.SupportCaseId == caseId);
        if (plan is null)
        {
            return null;
        }
        var household = await db.Households.AsNoTracking().Include(h => h.Members).SingleAsync(h => h.Id == supportCase.HouseholdId);
        var agencies = await CaseService.AgencyNamesAsync(db);
        var coordinator = supportCase.CoordinatorStaffId is { } staffId
            ? await db.Staff.Where(s => s.Id == staffId).Select(s => s.Name).SingleOrDefaultAsync()
            : null;
        var principal = household.Principal;
        var document = new PlanDocumentModel
        {
            Municipality = options.Municipality,
            PrintedAt = JapanDate.InJapan(time.GetUtcNow()),
            CaseNumber = supportCase.Number,
            PlanVersion = plan.PlanVersion,
            Kind = plan.Kind,
            Status = plan.Status,
            ApprovedOn = plan.ApprovedOn,
            ApprovalNote = plan.ApprovalNote,
            StartOn = plan.StartOn,
            HouseholdAddress = household.Address,
            PersonName = principal?.FullName ?? "（本人未登録）",
            PersonKana = principal?.FullNameKana,
            Members = household.Members.OrderBy(m => m.Relationship).ThenBy(m => m.Id)
                .Select(m => new PlanMemberLine(m.FullName, m.FullNameKana, m.Relationship.Label())).ToList(),
            Goals = plan.Goals.OrderBy(g => g.Term).ThenBy(g => g.Order).Select(g => new PlanGoalLine(g.Term.Label(), g.Text)).ToList(),
            Assignments = plan.Assignments.OrderBy(a => a.Id).Select(a => new PlanAssignmentLine(
                agencies.GetValueOrDefault(a.AgencyId, "（不明な機関）"), a.PersonInCharge, a.Task, a.Frequency, a.StartOn, a.EndOn,
                a.Status == AssignmentStatus.Planned ? string.Empty : a.Status.Label())).ToList(),
            LeadAgency = plan.LeadAgencyId is { } lead ? agencies.GetValueOrDefault(lead) : null,
            MonitoringIntervalDays = plan.MonitoringIntervalDays,
            NextMonitoringDue = plan.NextMonitoringDue,
            UsesParticipationSupport = plan.UsesParticipationSupport,
            UsesOutreach = plan.UsesOutreach,
            CoordinatorName = coordinator,
        };
        return (document, plan, household.Id, CaseAccess.CanManageAgencies(user, supportCase));
    }

    private static async Task<IReadOnlyList<PlanSignatureView>> SignatureViewsAsync(JusoDbContext db, int planId, int planRowVersion) =>
        (await db.PlanSignatures.AsNoTracking().Where(s => s.SupportPlanId == planId).OrderByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Version, s.PlanVersion, s.Sha256, PdfBytes = s.Pdf.Length, s.PrintedAt, s.PrintedByName, s.PlanRowVersion,
                s.SignedOn, s.SignedBy, s.Method, s.Note, s.RecordedByName, s.ScanFileName,
            })
            .ToListAsync())
        .Select(s => new PlanSignatureView(s.Id, s.Version, s.PlanVersion, s.Sha256, s.PdfBytes, s.PrintedAt, s.PrintedByName, s.PlanRowVersion != planRowVersion,
            s.SignedOn, s.SignedBy, s.Method, s.Note, s.RecordedByName, s.ScanFileName))
        .ToList();

    /// <summary>The audit line of a print names the plan as every printed page does, so a page found later leads to its print.</summary>
    private static string PrintRecord(PlanDocumentModel document) => $"{document.Title} {document.CopyMark} プラン番号 {document.PlanNumber} 第{document.PlanVersion}版";
}
