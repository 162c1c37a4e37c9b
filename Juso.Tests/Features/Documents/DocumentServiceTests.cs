using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Documents;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Documents;

/// <summary>Printing through the real services on SQLite with the real renderer: access, audit, the kept copy and the signed record.</summary>
public sealed class DocumentServiceTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private Agency _lead = default!;
    private Agency _other = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _other = await _harness.AddAgencyAsync("こども家庭センター", AgencyField.Children);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PrintForSignature_KeepsTheExactPdf_AndMarkSigned_RecordsItWithAudit()
    {
        var (caseId, planId) = await ApprovedPlanAsync(ConsentStatus.Obtained);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var documents = _harness.Get<PlanPrintService>(scope);

        var preview = await documents.PlanPreviewAsync(caseId, planId);
        Assert.NotNull(preview);
        Assert.Null(preview.NotForSignature);
        Assert.Contains("内容に同意します", preview.Html);

        var printed = await documents.PrintPlanForSignatureAsync(caseId, planId);
        Assert.Null(printed.Error);
        Assert.NotNull(printed.SignatureId);
        Assert.Contains("内容に同意します", string.Concat(PdfText.Pages(printed.Content!)));

        var signatures = await documents.SignaturesAsync(caseId, planId);
        var stored = Assert.Single(signatures);
        Assert.Equal(PlanSignature.HashOf(printed.Content!), stored.Sha256);
        Assert.Null(stored.SignedOn);

        var result = await documents.MarkSignedAsync(caseId, stored.Id, stored.Version, new SignatureForm
        {
            SignedOn = new DateTime(2026, 11, 23), SignedBy = "山田 一郎", Method = SignatureMethod.InPerson,
            ScanFileName = "scan.html", Scan = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0],
        });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));

        var copy = await documents.SignedCopyAsync(caseId, stored.Id, scan: false);
        Assert.Equal(printed.Content, copy.Content);
        var scan = await documents.SignedCopyAsync(caseId, stored.Id, scan: true);
        Assert.Equal("image/png", scan.ContentType);
        Assert.Equal("scan.png", scan.FileName);
        var signed = Assert.Single(await documents.SignaturesAsync(caseId, planId));
        Assert.Equal(new DateOnly(2026, 11, 23), signed.SignedOn);
        Assert.Equal(SignatureMethod.InPerson, signed.Method);

        await using var db = _harness.NewContext();
        var actions = await db.AuditEntries.Where(a => a.CaseId == caseId).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditAction.DocumentPreviewed, actions);
        Assert.Contains(AuditAction.DocumentPrinted, actions);
        Assert.Contains(AuditAction.PlanSigned, actions);
        Assert.Contains(AuditAction.SignedCopyViewed, actions);
        // The case's timeline tells the coordinator's colleagues that the plan went out and came back signed.
        var timeline = await db.Cases.Where(c => c.Id == caseId).SelectMany(c => c.Events).Select(e => e.Description).ToListAsync();
        Assert.Contains(timeline, d => d.Contains($"第{stored.PlanVersion}版を署名用に印刷しました"));
        Assert.Contains(timeline, d => d.Contains($"第{stored.PlanVersion}版の署名を記録しました（署名日 2026/11/23）"));
    }

    [Fact]
    public async Task CopyAndPrintForSignature_AreToldApartOnEveryPage_AndBothAreRecorded()
    {
        var (caseId, planId) = await ApprovedPlanAsync(ConsentStatus.Obtained);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var documents = _harness.Get<PlanPrintService>(scope);
        var planNumber = (await documents.PlanPreviewAsync(caseId, planId))!.Document.PlanNumber;

        var copy = await documents.PrintPlanAsync(caseId, planId);
        var forSignature = await documents.PrintPlanForSignatureAsync(caseId, planId);

        Assert.All(PdfText.Pages(copy.Content!), page => Assert.Contains("控え", page));
        Assert.All(PdfText.Pages(forSignature.Content!), page => Assert.Contains("署名用", page));
        Assert.DoesNotContain("署名用", string.Concat(PdfText.Pages(copy.Content!)));
        Assert.EndsWith("-signature.pdf", forSignature.FileName);
        await using var db = _harness.NewContext();
        var printed = await db.AuditEntries.Where(a => a.CaseId == caseId && a.Action == AuditAction.DocumentPrinted).Select(a => a.Detail!).ToListAsync();
        Assert.Contains(printed, d => d.Contains($"控え プラン番号 {planNumber}", StringComparison.Ordinal));
        Assert.Contains(printed, d => d.Contains($"署名用 プラン番号 {planNumber}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarkSigned_StaleVersion_IsAConflict_AndTheFirstSignatureStands()
    {
        var (caseId, planId) = await ApprovedPlanAsync(ConsentStatus.Obtained);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var documents = _harness.Get<PlanPrintService>(scope);
        Assert.Null((await documents.PrintPlanForSignatureAsync(caseId, planId)).Error);
        var print = Assert.Single(await documents.SignaturesAsync(caseId, planId));
        var form = new SignatureForm { SignedOn = new DateTime(2026, 11, 23), SignedBy = "山田 一郎", Method = SignatureMethod.InPerson };

        Assert.True((await documents.MarkSignedAsync(caseId, print.Id, print.Version, form)).Succeeded);
        var second = await documents.MarkSignedAsync(caseId, print.Id, print.Version, new SignatureForm { SignedOn = new DateTime(2026, 11, 23), SignedBy = "別人", Method = SignatureMethod.Mail });

        Assert.Equal(SaveStatus.Conflict, second.Status);
        Assert.Equal("山田 一郎", Assert.Single(await documents.SignaturesAsync(caseId, planId)).SignedBy);
    }

    [Fact]
    public async Task WholeHouseholdPlan_CannotBePrintedForSignature_ButPrintsAsInternalCopy()
    {
        var (caseId, planId) = await ApprovedPlanAsync(ConsentStatus.NotObtained);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var documents = _harness.Get<PlanPrintService>(scope);

        var preview = await documents.PlanPreviewAsync(caseId, planId);
        Assert.Equal(PlanKind.WholeHousehold, preview!.Document.Kind);
        Assert.Contains("本人交付不可", preview.NotForSignature);

        var refused = await documents.PrintPlanForSignatureAsync(caseId, planId);
        Assert.Null(refused.Content);
        Assert.Equal("世帯丸ごと支援プランは内部資料のため、署名用に印刷できません（取扱注意・本人交付不可）。", refused.Error);
        Assert.Empty(await documents.SignaturesAsync(caseId, planId));

        var copy = await documents.PrintPlanAsync(caseId, planId);
        Assert.All(PdfText.Pages(copy.Content!), page => Assert.Contains("取扱注意・本人交付不可", page));
    }

    [Fact]
    public async Task AgencyNotInTheCase_SeesNoPreview_PrintsNothing_AndIsAudited()
    {
        var (caseId, planId) = await ApprovedPlanAsync(ConsentStatus.Obtained);
        await using var scope = _harness.As(TestUsers.MemberOf(_other.Id));
        var documents = _harness.Get<PlanPrintService>(scope);

        Assert.Null(await documents.PlanPreviewAsync(caseId, planId));
        var printed = await documents.PrintPlanAsync(caseId, planId);
        Assert.Null(printed.Content);
        Assert.Equal("対象が見つからないか、閲覧する権限がありません。", printed.Error);

        await using var db = _harness.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.CaseId == caseId && a.Action == AuditAction.AccessDenied));
    }

    [Fact]
    public async Task AgencyMemberOfTheCase_PrintsACopy_ButNotForSignature()
    {
        var (caseId, planId) = await ApprovedPlanAsync(ConsentStatus.Obtained);
        await using var scope = _harness.As(TestUsers.MemberOf(_lead.Id));
        var documents = _harness.Get<PlanPrintService>(scope);

        Assert.NotNull((await documents.PrintPlanAsync(caseId, planId)).Content);
        Assert.Null((await documents.PrintPlanForSignatureAsync(caseId, planId)).Content);
        Assert.False((await documents.PlanPreviewAsync(caseId, planId))!.CanManage);
    }

    [Fact]
    public async Task Agenda_SupportMeeting_MasksNamesByDefault_ChairMayUnmask_AndUnpledgedMemberIsRefused()
    {
        var (caseId, _) = await ApprovedPlanAsync(ConsentStatus.NotObtained);
        int meetingId;
        await using (var db = _harness.NewContext())
        {
            var supportCase = await db.Cases.SingleAsync(c => c.Id == caseId);
            var meeting = Meeting.Schedule(MeetingKind.Support, MeetingCadence.AdHoc, new DateTimeOffset(2026, 12, 4, 13, 30, 0, TimeSpan.FromHours(9)), "第2会議室",
                new Juso.Domain.Common.Actor("u-chair", "石田 美穂"), "石田 美穂", null, _harness.Time.GetUtcNow());
            meeting.AddMember($"u-member-{_lead.Id}", "機関職員", _lead.Id, _harness.Time.GetUtcNow());
            meeting.AddAgendaItem(supportCase, AgendaPurpose.PlanProposal, 20, _harness.Time.GetUtcNow());
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            meetingId = meeting.Id;
        }

        await using (var chair = _harness.As(TestUsers.Chair()))
        {
            var documents = _harness.Get<AgendaPrintService>(chair);
            var masked = await documents.PreviewAsync(meetingId, null);
            Assert.True(masked!.Document.NamesMasked);
            Assert.Equal("Y.I.", Assert.Single(masked.Document.Items).Household);
            Assert.DoesNotContain("一郎", masked.Html);
            var named = await documents.PrintAsync(meetingId, false);
            Assert.Contains("山田一郎", string.Concat(PdfText.Pages(named.Content!)).Replace("\u3000", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        await using (var member = _harness.As(TestUsers.MemberOf(_lead.Id)))
        {
            Assert.Null(await _harness.Get<AgendaPrintService>(member).PreviewAsync(meetingId, false));
        }
        await using var check = _harness.NewContext();
        Assert.Contains(await check.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == AuditAction.AccessDenied);
    }

    /// <summary>A case with <paramref name="consent"/>, its plan approved with one assignment at the lead agency.</summary>
    private async Task<(int CaseId, int PlanId)> ApprovedPlanAsync(ConsentStatus consent)
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var form = IntakeForms.Valid();
        if (consent != ConsentStatus.Obtained)
        {
            form.Consent = new ConsentForm { Status = consent, Date = new DateTime(2026, 11, 20), Method = ConsentMethod.Verbal };
        }
        var caseId = Ok(await _harness.Get<IntakeService>(scope).OpenCaseAsync(form)).Id;
        var coordination = _harness.Get<CoordinationService>(scope);
        var plans = _harness.Get<PlanService>(scope);
        Ok(await coordination.StartAssessmentAsync(caseId, await CaseVersionAsync(caseId)));
        Ok(await coordination.RecordAssessmentAsync(caseId, new AssessmentDetails("状況", null, null, null, null, null, null, null, [], [])));
        Ok(await coordination.StartPlanningAsync(caseId, await CaseVersionAsync(caseId)));
        var planId = Ok(await plans.CreateDraftAsync(caseId)).Id;
        var plan = (await plans.PlansAsync(caseId)).Single();
        Ok(await plans.ReviseDraftAsync(caseId, planId, plan.Version, new PlanDraftForm
        {
            Goals = [new GoalForm { Term = GoalTerm.LongTerm, Text = "母と長男が地域で暮らし続ける" }],
            LeadAgencyId = _lead.Id,
            MonitoringIntervalDays = 60,
        }));
        plan = (await plans.PlansAsync(caseId)).Single();
        Ok(await plans.AddAssignmentAsync(caseId, planId, plan.Version, new AssignmentForm { AgencyId = _lead.Id, Task = "家計相談", Frequency = "月1回" }));
        plan = (await plans.PlansAsync(caseId)).Single();
        Ok(await new CaseSteps(_harness).ApproveAtMeetingAsync(caseId));
        return (caseId, planId);
    }

    private async Task<int> CaseVersionAsync(int caseId)
    {
        await using var db = _harness.NewContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
    }

    private static SaveResult Ok(SaveResult result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result;
    }
}
