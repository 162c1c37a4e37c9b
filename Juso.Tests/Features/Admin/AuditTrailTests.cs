using System.Text;
using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Documents;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Admin;

/// <summary>Who saw this person: every view of case details names its cases, and the administrator finds and exports them.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private static readonly AuditAction[] CaseViews =
        [AuditAction.CaseViewed, AuditAction.CaseListViewed, AuditAction.HouseholdViewed, AuditAction.MeetingBoardViewed, AuditAction.MinutesViewed, AuditAction.DocumentPreviewed];

    private PortalHarness _harness = default!;
    private CaseSteps _steps = default!;
    private int _caseId;
    private int _otherCaseId;
    private string _caseNumber = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _steps = new CaseSteps(_harness);
        _caseId = await _steps.OpenAsync();
        _otherCaseId = await _steps.OpenAsync("佐藤", "サトウ");
        await using var db = _harness.NewContext();
        var c = await db.Cases.SingleAsync(x => x.Id == _caseId);
        _caseNumber = c.Number;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task EveryCaseView_AuditRow_CarriesTheIdsOfTheCasesItShowed()
    {
        var meetingId = await ScheduleAsync();
        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            var detail = (await _harness.Get<CaseService>(scope).GetAsync(_caseId))!;
            await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(), 0, 20);
            await _harness.Get<HouseholdService>(scope).GetAsync(detail.HouseholdId);
        }
        await using (var chair = _harness.As(TestUsers.Chair()))
        {
            Ok(await _harness.Get<MeetingService>(chair).PledgeAsync(meetingId));
            Assert.NotNull((await _harness.Get<MeetingBoardService>(chair).OpenAsync(meetingId)).Board);
            Assert.NotNull((await _harness.Get<MeetingBoardService>(chair).OpenAsync(meetingId, minutes: true)).Board);
            Assert.NotNull(await _harness.Get<AgendaPrintService>(chair).PreviewAsync(meetingId, null));
        }

        await using var db = _harness.NewContext();
        var views = await db.AuditEntries.Where(a => CaseViews.Contains(a.Action)).ToListAsync();
        Assert.Equal(CaseViews.Order(), views.Select(v => v.Action).Distinct().Order());
        Assert.All(views, v => Assert.Contains(_caseId, v.ShownCaseIds));
        Assert.Contains(views, v => v.Action == AuditAction.CaseListViewed && v.ShownCaseIds.Contains(_otherCaseId));
    }

    [Fact]
    public async Task AuditPage_FilterByCaseNumberAndUser_FindsTheViewsThatShowedTheCase_AndTheCsvIsForExcel()
    {
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            await _harness.Get<CaseService>(coordinator).SearchAsync(new CaseSearch(), 0, 20);
        }
        await using (var other = _harness.As(TestUsers.Principal("u-supervisor", "北村 真理", null, JusoRoles.Supervisor)))
        {
            await _harness.Get<CaseService>(other).GetAsync(_otherCaseId);
        }
        await using var admin = _harness.As(TestUsers.Administrator());
        var logs = _harness.Get<AuditLogService>(admin);

        var byCase = await logs.SearchAsync(new AuditSearch(CaseNumber: _caseNumber), 0, 50);
        var byUser = await logs.SearchAsync(new AuditSearch(UserName: "北村"), 0, 50);
        var unknown = await logs.SearchAsync(new AuditSearch(CaseNumber: "1999-0001"), 0, 50);
        var csv = await logs.ExportCsvAsync(new AuditSearch(CaseNumber: _caseNumber));

        Assert.Contains(byCase.Items, r => r.Action == AuditAction.CaseListViewed && r.CaseNumbers.Contains(_caseNumber));
        Assert.DoesNotContain(byCase.Items, r => r.UserName == "北村 真理");
        Assert.All(byUser.Items, r => Assert.Equal("北村 真理", r.UserName));
        Assert.Contains(byUser.Items, r => r.Action == AuditAction.CaseViewed);
        Assert.Equal(0, unknown.TotalCount);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Content![..3]);
        var text = Encoding.UTF8.GetString(csv.Content[3..]);
        Assert.StartsWith("日時,利用者,操作,ケース番号,世帯ID,接続元,詳細\r\n", text);
        Assert.Contains(_caseNumber, text);
        Assert.DoesNotContain("山田", text);
    }

    /// <summary>A 支援会議 chaired by u-chair with both cases on its agenda.</summary>
    private async Task<int> ScheduleAsync()
    {
        var lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        await using (var db = _harness.NewContext())
        {
            var staff = Staff.Create(lead, "石田 美穂", "テスト", null, _harness.Time.GetUtcNow());
            db.Staff.Add(staff);
            await db.SaveChangesAsync();
            db.Users.Add(new JusoUser { Id = "u-chair", UserName = "u-chair", NormalizedUserName = "U-CHAIR", DisplayName = "石田 美穂", StaffId = staff.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await using var scope = _harness.As(TestUsers.Chair());
        var meetings = _harness.Get<MeetingService>(scope);
        var id = Ok(await meetings.ScheduleAsync(new MeetingForm
        {
            Kind = MeetingKind.Support, Cadence = MeetingCadence.AdHoc, Date = new DateTime(2026, 11, 30), Time = new TimeSpan(14, 0, 0), Place = "第1会議室",
            Chair = new MemberOption("u-chair", "石田 美穂", lead.Id, lead.Name),
        })).Id;
        await using var coordinator = _harness.As(TestUsers.Coordinator());
        foreach (var caseId in new[] { _caseId, _otherCaseId })
        {
            var option = (await _harness.Get<MeetingService>(coordinator).FindCasesAsync(null)).Single(o => o.CaseId == caseId);
            Ok(await _harness.Get<MeetingService>(coordinator).AddAgendaItemAsync(id, new AgendaItemForm { Case = option, Purpose = AgendaPurpose.PlanProposal, Minutes = 15 }));
        }
        return id;
    }
}
