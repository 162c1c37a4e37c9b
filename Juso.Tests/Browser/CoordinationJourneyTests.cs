using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 3's journey in the browser: intake → assessment → plan with two role assignments → approval → support → monitoring.</summary>
public sealed class CoordinationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_TakesACaseFromIntakeToAnApprovedPlan_AndRecordsAMonitoringReview()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/cases/new");
        await IntakeJourneyTests.ChooseAsync(page, "#intake-route", "電話");
        await page.GetByLabel("生活困窮").CheckAsync();
        await page.Locator("#intake-summary").FillAsync("家賃を滞納しており、母の介護も必要になってきた。");
        await page.Locator("#m1-family").FillAsync("長谷川");
        await page.Locator("#m1-given").FillAsync("進");
        await page.Locator("#m1-family-kana").FillAsync("ハセガワ");
        await page.Locator("#m1-given-kana").FillAsync("ススム");
        // With consent: the coordinator may then give further agencies a role from the plan tab (ADR 0013).
        await page.GetByText("同意あり", new() { Exact = true }).ClickAsync();
        await page.Locator("#consent-date").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#consent-date").PressAsync("Tab");
        await IntakeJourneyTests.ChooseAsync(page, "#consent-method", "書面");
        await page.GetByTestId("submit-intake").ClickAsync();
        await page.Locator("h1", new() { HasText = "長谷川　進" }).WaitForAsync();

        await AssessAndCreateDraftAsync(page, "本人と母の二人暮らし。本人は失業中で家賃を3か月滞納。", "母と今の家で暮らし続けたい。");
        await page.Locator("#goal-1-text").FillAsync("家計が安定し、母と暮らし続ける");
        await page.Locator("#goal-2-text").FillAsync("3か月で滞納を解消する");
        await IntakeJourneyTests.ChooseAsync(page, "#plan-lead", "くらしサポートセンター");
        await page.GetByTestId("save-draft").ClickAsync();
        await page.GetByText("目標と設定を保存しました。").WaitForAsync();

        await AddAssignmentAsync(page, "くらしサポートセンター", "家計相談と就労準備支援");
        await AddAssignmentAsync(page, "東部地域包括支援センター", "母の介護サービスの調整");
        await BrowserFixture.ScreenshotAsync(page, "plan-draft");

        // The plan is approved at a meeting (MeetingOutcomeJourneyTests runs the board); here the minutes of an ad hoc one.
        await page.GetByTestId("approval-at-meeting").WaitForAsync();
        await ApproveAtAMeetingHeldEarlierTodayAsync(page.Url);
        await page.ReloadAsync();
        await OpenTabAsync(page, "プラン");
        await page.GetByTestId("plan-status").Filter(new() { HasText = "会議で承認" }).WaitForAsync();
        await page.GetByTestId("start-support").ClickAsync();
        await page.Locator(".chip-stage", new() { HasText = "支援中" }).WaitForAsync();

        await OpenTabAsync(page, "モニタリング");
        await page.Locator("#review-findings").FillAsync("家計相談を2回実施。就労準備支援の見学に行けた。");
        await page.GetByTestId("save-review").ClickAsync();
        var review = page.GetByTestId("review");
        await review.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "monitoring");

        Assert.Contains("就労準備支援の見学に行けた", await review.InnerTextAsync());
        await OpenTabAsync(page, "プラン");
        var rows = page.GetByTestId("assignment-table").Locator("tbody tr");
        await rows.First.WaitForAsync();
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("実施中", await page.GetByTestId("plan-status").InnerTextAsync());
    }

    /// <summary>A 随時 meeting (重層的支援会議 with consent, else 支援会議) held an hour ago takes up the case's draft, and its chair approves the minutes with プランを承認.</summary>
    private async Task ApproveAtAMeetingHeldEarlierTodayAsync(string caseUrl)
    {
        var caseId = int.Parse(caseUrl[(caseUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var actor = new Actor(chair.Id, chair.DisplayName);
        var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        var kind = supportCase.CurrentConsent == ConsentStatus.Obtained ? MeetingKind.MultiLayered : MeetingKind.Support;
        var meeting = Meeting.Schedule(kind, MeetingCadence.AdHoc, now.AddHours(-1), "相談室", actor, chair.DisplayName, null, now);
        var item = meeting.AddAgendaItem(supportCase, AgendaPurpose.PlanProposal, 15, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        meeting.Conclude(item.Id, AgendaOutcome.PlanApproved, now);
        meeting.RecordAttendance(chair.Id, true, now);
        var plan = await db.Plans.Include(p => p.Goals).Include(p => p.Assignments).SingleAsync(p => p.SupportCaseId == caseId);
        MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase> { [caseId] = supportCase }, new Dictionary<int, SupportPlan> { [caseId] = plan },
            await db.Agencies.ToDictionaryAsync(a => a.Id), actor, now);
        await db.SaveChangesAsync();
    }

    /// <summary>A case just taken in: assessed (its first version saved), then planning with a new draft open on the plan tab.</summary>
    internal static async Task AssessAndCreateDraftAsync(IPage page, string situation, string wishes)
    {
        await page.GetByTestId("start-assessment").ClickAsync();
        await page.Locator(".chip-stage", new() { HasText = "アセスメント" }).WaitForAsync();
        await OpenTabAsync(page, "アセスメント");
        await page.GetByTestId("new-assessment").ClickAsync();
        await page.Locator("#assessment-Situation").FillAsync(situation);
        await page.Locator("#assessment-Wishes").FillAsync(wishes);
        await page.GetByTestId("save-assessment").ClickAsync();
        await page.GetByText("第1版（").WaitForAsync();

        await page.GetByTestId("start-planning").ClickAsync();
        await page.Locator(".chip-stage", new() { HasText = "プラン作成" }).WaitForAsync();
        await OpenTabAsync(page, "プラン");
        await page.GetByTestId("create-plan").ClickAsync();
        await page.GetByTestId("save-draft").WaitForAsync();
    }

    internal static async Task OpenTabAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();
        await page.Locator(".mud-tab-active", new() { HasText = name }).WaitForAsync();
    }

    internal static async Task AddAssignmentAsync(IPage page, string agency, string task)
    {
        var rows = page.GetByTestId("assignment-table").Locator("tbody tr");
        var before = await rows.CountAsync();
        await IntakeJourneyTests.ChooseAsync(page, "#assignment-agency", agency);
        await page.Locator("#assignment-person").FillAsync("担当者");
        await page.Locator("#assignment-task").FillAsync(task);
        await page.Locator("#assignment-frequency").FillAsync("月2回");
        await page.GetByTestId("save-assignment").ClickAsync();
        await page.GetByTestId("assignment-table").Locator("tr", new() { HasText = task }).WaitForAsync();
        Assert.Equal(before + 1, await rows.CountAsync());
    }
}
