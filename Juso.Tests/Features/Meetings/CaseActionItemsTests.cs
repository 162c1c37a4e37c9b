using System.Globalization;
using System.Security.Claims;
using Bunit;
using Juso.Domain.Agencies;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Features.Meetings;

/// <summary>The 対応事項 tab of the case page: the case's coordinator marks an item done and opens it again.</summary>
public sealed class CaseActionItemsTests : PortalComponentTest
{
    private int _caseId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = PortalHarness.Start;
        int coordinatorStaffId;
        int ownerId;
        await using (var db = NewContext())
        {
            var lead = Agency.Create("ひばり野市 福祉総合相談課", AgencyField.Poverty, AgencyOperation.Direct, null, now);
            var owner = Agency.Create("東部地域包括支援センター", AgencyField.Elderly, AgencyOperation.Contracted, null, now);
            db.Agencies.AddRange(lead, owner);
            await db.SaveChangesAsync();
            var staff = Staff.Create(lead, "中川 浩二", "ナカガワ コウジ", null, now);
            db.Staff.Add(staff);
            await db.SaveChangesAsync();
            coordinatorStaffId = staff.Id;
            ownerId = owner.Id;
        }
        _caseId = (await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid())).Id;
        await using (var db = NewContext())
        {
            var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events).SingleAsync(c => c.Id == _caseId);
            supportCase.AssignCoordinator(await db.Staff.SingleAsync(s => s.Id == coordinatorStaffId), new Actor("u-coordinator", "中川 浩二"), now);
            var meeting = Meeting.Schedule(MeetingKind.Support, MeetingCadence.AdHoc, now.AddDays(-1), "相談室", new Actor("u-chair", "石田 美穂"), "石田 美穂", null, now.AddDays(-2));
            var item = meeting.AddAgendaItem(supportCase, AgendaPurpose.InformationSharing, 15, now.AddDays(-2));
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            meeting.AddActionItem(item.Id, new ActionItemDetails("家計の状況を確認する", ownerId, "藤井", JapanDate.Today(now).AddDays(14)), now.AddDays(-2));
            await db.SaveChangesAsync();
        }
        var coordinator = TestUsers.Coordinator();
        ((ClaimsIdentity)coordinator.Identity!).AddClaim(new Claim(JusoClaims.StaffId, coordinatorStaffId.ToString(CultureInfo.InvariantCulture)));
        Auth.User = coordinator;
    }

    [Fact]
    public async Task CompleteThenReopen_ByTheCasesCoordinator_ShowsTheStateAndSavesIt()
    {
        var tab = Render<CaseActionItems>(p => p.Add(c => c.CaseId, _caseId));
        tab.WaitForAssertion(() => Assert.Equal("未完了", tab.Find("[data-testid=action-item-state]").TextContent.Trim()));
        Assert.Contains("令和8年度第1回支援会議", tab.Find("[data-testid=action-item]").TextContent);

        await tab.Find("button[aria-label='家計の状況を確認するを完了にする']").ClickAsync(new MouseEventArgs());

        tab.WaitForAssertion(() => Assert.StartsWith("完了（令和8年", tab.Find("[data-testid=action-item-state]").TextContent.Trim()));
        await using (var db = NewContext())
        {
            Assert.Equal("中川 浩二", (await db.Meetings.SelectMany(m => m.ActionItems).SingleAsync()).CompletedBy);
        }

        await tab.Find("button[aria-label='家計の状況を確認するを未完了に戻す']").ClickAsync(new MouseEventArgs());

        tab.WaitForAssertion(() => Assert.Equal("未完了", tab.Find("[data-testid=action-item-state]").TextContent.Trim()));
        await using var after = NewContext();
        Assert.Null((await after.Meetings.SelectMany(m => m.ActionItems).SingleAsync()).CompletedAt);
    }
}
