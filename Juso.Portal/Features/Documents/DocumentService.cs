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

public sealed record PlanSignatureView(int Id, int Version, int PlanVersion, string Sha256, int PdfBytes, DateTime PrintedAt, string PrintedBy,
    bool ChangedSincePrint, DateOnly? SignedOn, string? SignedBy, SignatureMethod? Method, string? Note, string? RecordedBy, string? ScanFileName);

/// <summary>What the plan print page shows: the document, its HTML (the preview), whether it may go out for signature, the prints so far.</summary>
public sealed record PlanPrintView(int CaseId, int PlanId, PlanDocumentModel Document, string Html, string? NotForSignature, bool CanManage,
    IReadOnlyList<PlanSignatureView> Signatures);

public sealed record AgendaPrintView(int MeetingId, AgendaDocumentModel Document, string Html, bool CanChooseMasking);

/// <summary>A printed file for download, or the Japanese reason there is none.</summary>
public sealed record PrintedFile(byte[]? Content, string FileName, string ContentType, string? Error, int? SignatureId = null)
{
    public static PrintedFile Failed(string error) => new(null, string.Empty, string.Empty, error);
}

public sealed class SignatureForm
{
    public DateTime? SignedOn { get; set; }

    public string? SignedBy { get; set; }

    public SignatureMethod? Method { get; set; }

    public string? Note { get; set; }

    public string? ScanFileName { get; set; }

    public byte[]? Scan { get; set; }
}

/// <summary>
/// Printing: plans (with the copy kept for signature and the signed record), meeting agendas. Every preview and
/// every print is audited; who may print what follows who may read it (CaseAccess), and only the coordinating
/// roles print for signature and record signatures.
/// </summary>
public sealed class DocumentService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, CaseWork work,
    IDocumentRenderer renderer, DocumentOptions options, TimeProvider time)
{
    private const string NotFound = "対象が見つからないか、閲覧する権限がありません。";

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
            return PrintedFile.Failed(NotFound);
        }
        var (document, _, householdId, _) = loaded.Value;
        try
        {
            var pdf = await renderer.RenderPdfAsync(document, cancellationToken);
            audit.Add(db, user, AuditAction.DocumentPrinted, caseId, householdId, $"{document.Title} 第{document.PlanVersion}版（控え、{pdf.Length / 1024}KB）");
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
            var (document, plan, _, _) = loaded;
            PlanSignature.EnsureMayBeSigned(plan);
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
            file = new PrintedFile(pdf, document.FileName.Replace(".pdf", "-signature.pdf", StringComparison.Ordinal), PlanSignature.PdfContentType, null);
            return $"{document.Title} 第{document.PlanVersion}版（署名用、SHA-256 {print.Sha256[..16]}…）";
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
            return PrintedFile.Failed(NotFound);
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

    public async Task<AgendaPrintView?> AgendaPreviewAsync(int meetingId, bool? maskNames)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadAgendaAsync(db, user, meetingId, maskNames);
        if (loaded is null)
        {
            return null;
        }
        var (document, canChoose, caseIds) = loaded.Value;
        var html = await renderer.RenderHtmlAsync(document);
        await audit.WriteAsync(user, AuditAction.DocumentPreviewed, detail: $"{document.Title}（会議 {meetingId}）", caseIds: caseIds);
        return new AgendaPrintView(meetingId, document, html, canChoose);
    }

    public async Task<PrintedFile> PrintAgendaAsync(int meetingId, bool? maskNames, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadAgendaAsync(db, user, meetingId, maskNames);
        if (loaded is null)
        {
            return PrintedFile.Failed(NotFound);
        }
        var document = loaded.Value.Document;
        try
        {
            var pdf = await renderer.RenderPdfAsync(document, cancellationToken);
            audit.Add(db, user, AuditAction.DocumentPrinted, detail: $"{document.Title}（会議 {meetingId}、{(document.NamesMasked ? "氏名を伏せる" : "氏名あり")}）",
                caseIds: loaded.Value.CaseIds);
            await db.SaveChangesAsync(cancellationToken);
            return new PrintedFile(pdf, document.FileName, PlanSignature.PdfContentType, null);
        }
        catch (DocumentUnavailableException ex)
        {
            return PrintedFile.Failed(ex.Message);
        }
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
                agencies.GetValueOrDefault(a.AgencyId, "（不明な機関）"), a.PersonInCharge, a.Task, a.Frequency, Period(a.StartOn, a.EndOn),
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

    private async Task<(AgendaDocumentModel Document, bool CanChooseMasking, IReadOnlyList<int> CaseIds)?> LoadAgendaAsync(JusoDbContext db, UserContext user, int meetingId, bool? maskNames)
    {
        var meeting = await db.Meetings.AsNoTracking().AsSplitQuery().Include(m => m.Members).Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return null;
        }
        // Chairs, coordinators and supervisors see every case; any other member only after the pledge a 支援会議 asks for.
        if (!CaseAccess.SeesAllCases(user) && !meeting.MayShowCaseDetailsTo(user.UserId))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"会議次第の印刷（会議 {meetingId}）");
            return null;
        }
        var canChoose = meeting.ChairUserId == user.UserId || user.IsInRole(Infrastructure.Identity.JusoRoles.Coordinator);
        var masked = canChoose && maskNames is { } choice ? choice : meeting.MasksNames;
        var caseIds = meeting.CaseIdsOnAgenda();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FiscalYear, c.Sequence, c.HouseholdId, c.LeadAgencyId, c.CurrentConsent }).ToDictionaryAsync(c => c.Id);
        var householdIds = cases.Values.Select(c => c.HouseholdId).ToList();
        var principals = await db.HouseholdMembers.AsNoTracking()
            .Where(m => householdIds.Contains(m.HouseholdId) && m.Relationship == Relationship.Principal)
            .ToDictionaryAsync(m => m.HouseholdId);
        var agencies = await CaseService.AgencyNamesAsync(db);
        var scheduledAt = JapanDate.FromUtc(meeting.ScheduledAt);
        var previous = await Meetings.BoardSnapshots.PreviousActionItemsAsync(db, meeting, caseIds, agencies);
        var startsAt = scheduledAt;
        var items = new List<AgendaItemLine>();
        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
        {
            if (item.SupportCaseId is not { } caseId)
            {
                items.Add(AgendaItemLine.ForTopic(item.Order, startsAt, item.Minutes, new Meetings.BoardTopic(item.TopicTitle!, item.TopicDescription), item.Purpose.Label()));
                startsAt = startsAt.AddMinutes(item.Minutes);
                continue;
            }
            var c = cases[caseId];
            var principal = principals.GetValueOrDefault(c.HouseholdId);
            // Consent withdrawn after the case was put on a 重層的支援会議's agenda: its print shows no name, as its board.
            var name = !Meeting.MayDiscuss(meeting.Kind, c.CurrentConsent) ? BoardSnapshots.WithoutConsent
                : principal is null ? "（本人未登録）" : masked ? principal.Initials : principal.FullName;
            items.Add(new AgendaItemLine(item.Order, startsAt, item.Minutes, Juso.Domain.Cases.SupportCase.FormatNumber(c.FiscalYear, c.Sequence),
                name, item.Purpose.Label(), c.LeadAgencyId is { } lead ? agencies.GetValueOrDefault(lead) : null, previous[caseId].ToList()));
            startsAt = startsAt.AddMinutes(item.Minutes);
        }
        var chair = meeting.Members.FirstOrDefault(m => m.UserId == meeting.ChairUserId)?.Name ?? "―";
        var document = new AgendaDocumentModel
        {
            Municipality = options.Municipality,
            PrintedAt = JapanDate.InJapan(time.GetUtcNow()),
            Kind = meeting.Kind,
            Cadence = meeting.Cadence,
            ScheduledAt = scheduledAt,
            Reference = meeting.Reference,
            Place = meeting.Place,
            ChairName = chair,
            Members = meeting.Members.OrderBy(m => m.Id).Select(m => new AgendaMemberLine(m.Name, m.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null)).ToList(),
            Items = items,
            NamesMasked = masked,
        };
        return (document, canChoose, caseIds);
    }

    private static string Period(DateOnly? start, DateOnly? end) =>
        start is null && end is null ? string.Empty : $"{(start is { } s ? JapaneseFormat.Date(s) : string.Empty)}～{(end is { } e ? JapaneseFormat.Date(e) : string.Empty)}";
}
