using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Monitoring;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 10 in the browser: what the meeting decides on the board becomes a fact of the case when the chair approves the minutes.</summary>
public sealed class MeetingOutcomeJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task MonitoringOnTheBoard_MinutesApproved_TheCaseShowsTheReviewAndTheNextDue_AndTheOverdueJobLeavesItAlone()
    {
        var (meetingId, caseId) = await YesterdaysMeetingOnAnOverdueCaseAsync();
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chair");
        await page.GotoAsync($"/meetings/{meetingId}/board");
        await page.GetByTestId("start-item").First.ClickAsync();
        await page.Locator($"[data-testid=outcome-choice][data-outcome={nameof(AgendaOutcome.Continued)}]").ClickAsync();
        await page.GetByTestId("outcome-confirm").ClickAsync();
        await page.GetByTestId("capture-outcome").ClickAsync();
        await page.Locator("#capture-findings").FillAsync("訪問が定着し、家計の見通しが立ってきた");
        await page.Locator("#capture-goal-0-note").FillAsync("滞納が減っている");
        await AccessibilityTests.AssertAccessibleAsync(page, "outcome-capture-dialog");
        await page.GetByTestId("save-capture").ClickAsync();
        await page.GetByTestId("captured-findings").Filter(new() { HasText = "訪問が定着し" }).WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "meeting-board-captured");

        await page.GotoAsync($"/meetings/{meetingId}/minutes");
        await page.GetByTestId("captured-findings").Filter(new() { HasText = "訪問が定着し" }).WaitForAsync();
        await page.GetByTestId("attendance-check").First.ClickAsync();
        await page.GetByTestId("attendance").Filter(new() { HasText = "出席" }).WaitForAsync();
        await page.GetByTestId("approve-minutes").ClickAsync();
        await page.GetByTestId("approve-confirm-button").ClickAsync();
        await page.GetByTestId("approve-minutes").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.GotoAsync($"/cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "モニタリング", Exact = true }).ClickAsync();
        await page.GetByTestId("review").Filter(new() { HasText = "訪問が定着し、家計の見通しが立ってきた" }).WaitForAsync();
        var due = await page.GetByTestId("monitoring-due").InnerTextAsync();
        Assert.DoesNotContain("超過", due);

        await Fixture.Server.Services.GetRequiredService<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var plan = await db.Plans.Where(p => p.SupportCaseId == caseId && p.Status == PlanStatus.Active).SingleAsync();
        var today = JapanDate.Today(DateTimeOffset.UtcNow);
        Assert.Equal(today.AddDays(-1).AddDays(plan.MonitoringIntervalDays), plan.NextMonitoringDue);
        Assert.False(await db.Notifications.AnyAsync(n => n.CaseId == caseId && n.DueOn >= plan.NextMonitoringDue));
        Assert.DoesNotContain(await MonitoringAlerts.DueBy(db, MonitoringAlerts.Beginning, today.AddDays(-1)).ToListAsync(), p => p.CaseId == caseId);
    }

    /// <summary>
    /// A 重層的支援会議 held yesterday, chaired by the demo chair, with one monitoring item: a case with consent whose
    /// active plan is overdue (the last such demo case, so the reminder journeys keep the others).
    /// </summary>
    private async Task<(int MeetingId, int CaseId)> YesterdaysMeetingOnAnOverdueCaseAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var yesterday = JapanDate.Today(now).AddDays(-1);
        var plan = await db.Plans.Where(p => p.Status == PlanStatus.Active && p.NextMonitoringDue < yesterday && p.StartOn < yesterday
                && db.Cases.Any(c => c.Id == p.SupportCaseId && c.CurrentConsent == ConsentStatus.Obtained && c.Stage == CaseStage.Support))
            .OrderByDescending(p => p.SupportCaseId).FirstAsync();
        var supportCase = await db.Cases.SingleAsync(c => c.Id == plan.SupportCaseId);
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.AdHoc, new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(14, 0)), JapanDate.Offset),
            "福祉総合相談課 相談室", new Actor(chair.Id, chair.DisplayName), chair.DisplayName, null, now);
        meeting.AddAgendaItem(supportCase, AgendaPurpose.Monitoring, 15, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, supportCase.Id);
    }
}
