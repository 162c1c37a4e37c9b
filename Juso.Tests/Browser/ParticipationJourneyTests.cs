using System.Globalization;
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

/// <summary>
/// 参加支援 in the browser: a case whose approved 支援プラン uses participation support → a participation plan → matched to
/// a resource with the host prepared → a follow-up recorded, due date moved; and a case whose plan does not, told why.
/// </summary>
public sealed class ParticipationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ApprovedPlanWithParticipation_PlanMatchedToAResource_FollowUpRecorded()
    {
        var (caseId, person) = await CaseAsync(withParticipation: true);
        var today = JapanDate.Today(DateTimeOffset.UtcNow);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", $"/cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "参加支援", Exact = true }).ClickAsync();
        await page.GetByTestId("create-participation").WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "case-participation");

        await IntakeJourneyTests.ChooseAsync(page, "#participation-member", person);
        await page.Locator("#participation-goal").FillAsync("週1回、図書館で本の整理をする");
        await page.GetByTestId("create-participation").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"参加支援プラン: {person}" }).WaitForAsync();
        Assert.Equal("準備中", (await page.GetByTestId("participation-status").InnerTextAsync()).Trim());

        await IntakeJourneyTests.ChooseAsync(page, "#match-resource", "図書館ボランティア（本の整理）");
        await FillDateAsync(page, "#match-consent", today);
        await FillDateAsync(page, "#match-date", today);
        await page.Locator("#match-wishes").FillAsync("静かな場所で、黙々とできる作業がしたい。");
        await page.Locator("#match-briefing").FillAsync("人の多い場所が苦手なこと（本人了承）。");
        await page.Locator("#match-agreement").FillAsync("水曜の午後、1時間から受け入れる。");
        await FillDateAsync(page, "#match-trial-from", today);
        await FillDateAsync(page, "#match-trial-until", today.AddDays(30));
        await page.GetByTestId("save-matching").ClickAsync();
        await page.GetByTestId("matching").Filter(new() { HasText = "図書館ボランティア（本の整理）" }).WaitForAsync();
        Assert.Equal("試行中", (await page.GetByTestId("participation-status").InnerTextAsync()).Trim());
        await page.GetByTestId("next-follow-up-due").Filter(new() { HasText = Day(today.AddDays(14)) }).WaitForAsync();

        await page.Locator("#follow-up-note").FillAsync("受入先の担当者から、丁寧に作業していると聞いた。本人も続けたいと話す。");
        await page.GetByTestId("save-follow-up").ClickAsync();
        await page.GetByTestId("follow-up-row").Filter(new() { HasText = "本人も続けたい" }).WaitForAsync();
        await page.GetByTestId("next-follow-up-due").Filter(new() { HasText = Day(today.AddDays(14)) }).WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0");
        await AccessibilityTests.AssertAccessibleAsync(page, "participation-plan");
    }

    [Fact]
    public async Task PlanWithoutParticipation_TheCaseTabSaysWhy_AndOffersNoForm()
    {
        var (caseId, _) = await CaseAsync(withParticipation: false);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", $"/cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "参加支援", Exact = true }).ClickAsync();

        var why = page.GetByTestId("participation-not-allowed");
        await why.WaitForAsync();
        Assert.Contains("重層的支援会議", await why.InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("create-participation").CountAsync());
    }

    [Fact]
    public async Task MeetingTopic_RecordedAsALackingResource_FromTheMinutes_AppearsInTheRegister()
    {
        var (meetingId, reference) = await MeetingWithTopicAsync("送迎のある通いの場");
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chair", $"/meetings/{meetingId}/minutes");

        await page.GetByTestId("record-lack").ClickAsync();
        await page.Locator("#resource-raised-at").WaitForAsync();
        Assert.Equal("送迎のある通いの場", await page.Locator("#resource-name").InputValueAsync());
        Assert.Equal(reference, await page.Locator("#resource-raised-at").InputValueAsync());
        await page.GetByTestId("save-resource").ClickAsync();
        await page.Locator("#resource-raised-at").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.GotoAsync("/participation/resources?status=Lacking");
        var row = page.GetByTestId("resource-row").Filter(new() { HasText = "送迎のある通いの場" });
        await row.WaitForAsync();
        Assert.Contains(reference, await row.InnerTextAsync());
    }

    /// <summary>A 重層的支援会議 held an hour ago whose agenda has one 検討テーマ (no case).</summary>
    private async Task<(int MeetingId, string Reference)> MeetingWithTopicAsync(string title)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.AdHoc, now.AddHours(-1), "相談室", new Actor(chair.Id, chair.DisplayName), chair.DisplayName, null, now);
        meeting.AddTopicItem(title, "足が悪く、サロンに通えない高齢者が多い。", AgendaPurpose.ResourceGaps, 15, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.Reference);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static async Task FillDateAsync(IPage page, string selector, DateOnly date)
    {
        await page.Locator(selector).FillAsync(Day(date));
        await page.Locator(selector).PressAsync("Tab");
    }

    /// <summary>A demo case in support on an approved 支援プラン that does (or does not) use 参加支援, with its principal's name.</summary>
    private async Task<(int CaseId, string Person)> CaseAsync(bool withParticipation)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var found = await (from p in db.Plans
                           join c in db.Cases on p.SupportCaseId equals c.Id
                           where p.UsesParticipationSupport == withParticipation && p.Kind == PlanKind.WithConsent && p.Status == PlanStatus.Active
                                 && c.CurrentConsent == ConsentStatus.Obtained && c.Stage == CaseStage.Support
                           orderby c.Id
                           select new { c.Id, c.HouseholdId }).FirstAsync();
        var person = await db.HouseholdMembers.Where(m => m.HouseholdId == found.HouseholdId).OrderBy(m => m.Relationship)
            .Select(m => m.FamilyName + "\u3000" + m.GivenName).FirstAsync();
        return (found.Id, person);
    }
}
