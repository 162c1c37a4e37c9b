using System.Globalization;
using System.Text.RegularExpressions;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Juso.Tests.Browser.IntakeJourneyTests;

namespace Juso.Tests.Browser;

/// <summary>
/// Issue 14's chain in one journey, by the people who walk it: an outreach worker of an agency reaches a lead and
/// takes the consented person in; the coordinator plans with 参加支援; the chair approves the plan at a
/// 重層的支援会議; the coordinator matches the person to a resource and records the first follow-up.
/// </summary>
public sealed partial class OutreachJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Description = "桜町の○○さん宅の長男（40代）";
    private const string Address = "ひばり野市桜町3丁目7番地";
    private const string Worry = "母の入院後、食事が取れているか分からない。10年ほど外出していない様子。";
    private const string Person = "桜井　健一";
    private const string Agency = "東部地域包括支援センター";
    private const string Resource = "図書館ボランティア（本の整理）";

    [Fact]
    public async Task Lead_ThreeAttempts_Consent_Intake_PlanApprovedAtAMeeting_MatchedToAResource_FollowUpRecorded()
    {
        var today = JapanDate.Today(DateTimeOffset.UtcNow);
        var caseUrl = await ReachAndTakeInAsync();
        var caseId = int.Parse(caseUrl[(caseUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        var coordinator = await NewPageAsync();
        await BrowserFixture.SignInAsync(coordinator, "coordinator", $"/cases/{caseId}");
        await DraftPlanWithParticipationAsync(coordinator);

        // R4: until a 重層的支援会議 approves the plan, the 参加支援 tab says why and offers no form.
        await CoordinationJourneyTests.OpenTabAsync(coordinator, "参加支援");
        var why = coordinator.GetByTestId("participation-not-allowed");
        await why.WaitForAsync();
        Assert.Contains("「案」です。参加支援は重層的支援会議で承認された支援プランのもとでだけ始められます", await why.InnerTextAsync());
        Assert.Equal(0, await coordinator.GetByTestId("create-participation").CountAsync());
        await AssertAccessibleAsync(coordinator, "case-participation-refused");

        await ApproveAtAMeetingAsync(coordinator, caseId);

        await coordinator.GotoAsync(caseUrl);
        await CoordinationJourneyTests.OpenTabAsync(coordinator, "プラン");
        await coordinator.GetByTestId("plan-status").Filter(new() { HasText = "会議で承認" }).WaitForAsync();
        await coordinator.GetByTestId("start-support").ClickAsync();
        await coordinator.Locator(".chip-stage", new() { HasText = "支援中" }).WaitForAsync();

        await CoordinationJourneyTests.OpenTabAsync(coordinator, "参加支援");
        await coordinator.GetByTestId("create-participation").WaitForAsync();
        await AssertAccessibleAsync(coordinator, "case-participation");
        await ChooseAsync(coordinator, "#participation-member", Person);
        await coordinator.Locator("#participation-goal").FillAsync("週1回、図書館で本の整理をする");
        await coordinator.GetByTestId("create-participation").ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = $"参加支援プラン: {Person}" }).WaitForAsync();
        Assert.Equal("準備中", (await coordinator.GetByTestId("participation-status").InnerTextAsync()).Trim());
        await coordinator.Locator("#match-resource").WaitForAsync();
        await AssertAccessibleAsync(coordinator, "participation-plan-matching");

        await MatchAsync(coordinator, today);
        var matching = coordinator.GetByTestId("matching");
        await matching.Filter(new() { HasText = Resource }).WaitForAsync();
        Assert.Contains("水曜の午後、1時間から受け入れる。", await matching.InnerTextAsync());
        Assert.Equal("試行中", (await coordinator.GetByTestId("participation-status").InnerTextAsync()).Trim());
        await coordinator.GetByTestId("next-follow-up-due").Filter(new() { HasText = Day(today.AddDays(14)) }).WaitForAsync();

        await coordinator.Locator("#follow-up-note").FillAsync("受入先の担当者から、丁寧に作業していると聞いた。本人も続けたいと話す。");
        await coordinator.GetByTestId("save-follow-up").ClickAsync();
        await coordinator.GetByTestId("follow-up-row").Filter(new() { HasText = "本人も続けたい" }).WaitForAsync();
        await coordinator.GetByTestId("next-follow-up-due").Filter(new() { HasText = Day(today.AddDays(14)) }).WaitForAsync();
        await AssertAccessibleAsync(coordinator, "participation-plan");
    }

    /// <summary>
    /// The outreach worker (an agency member) registers the lead with what little is known, records three attempts, moves it
    /// to 関係構築, records consent and takes the person in on the intake the lead prefilled. Returns the new case's address.
    /// </summary>
    private async Task<string> ReachAndTakeInAsync()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "member.east", "/outreach");
        await page.GetByTestId("register-lead").ClickAsync();
        await page.Locator("#lead-description").FillAsync(Description);
        await page.Locator("#lead-address").FillAsync(Address);
        await ChooseAsync(page, "#lead-source", "民生委員・児童委員");
        await page.Locator("#lead-source-note").FillAsync("桜町地区の民生委員");
        await page.Locator("#lead-worry").FillAsync(Worry);
        // An agency member's leads are their agency's: the choice is shown, not offered.
        Assert.Equal(Agency, await page.Locator("#lead-agency").InputValueAsync());
        await ChooseAsync(page, "#lead-worker", "藤井 由美");
        await page.GetByTestId("save-lead").ClickAsync();
        await page.WaitForURLAsync(LeadPath());
        await page.Locator("h1", new() { HasText = Description }).WaitForAsync();
        Assert.Contains($"{Agency}（藤井 由美）", await page.GetByTestId("lead-facts").InnerTextAsync());
        var leadUrl = page.Url;

        foreach (var (method, outcome, note) in new[] { ("手紙", "不在", "自己紹介の手紙を投函。"), ("置き手紙", "不在", "訪問したが応答なし。"), ("訪問", "話せた", "玄関先で10分ほど話せた。") })
        {
            await ChooseAsync(page, "#attempt-method", method);
            await ChooseAsync(page, "#attempt-outcome", outcome);
            await page.Locator("#attempt-note").FillAsync(note);
            await page.GetByTestId("save-attempt").ClickAsync();
            await page.GetByTestId("attempt-list").GetByText(note).WaitForAsync();
        }
        Assert.Equal(3, await page.GetByTestId("attempt-row").CountAsync());

        await page.GetByTestId("stage-contacted").ClickAsync();
        await page.GetByTestId("stage-relationship").ClickAsync();
        await page.Locator(".lead-stages li.current", new() { HasText = "関係構築" }).WaitForAsync();
        await page.GetByTestId("open-consent").ClickAsync();
        await ChooseAsync(page, "#lead-consent-method", "口頭");
        await AssertAccessibleAsync(page, "outreach-lead-consent");
        await page.GetByTestId("save-consent").ClickAsync();
        await page.Locator(".lead-stages li.current", new() { HasText = "同意" }).WaitForAsync();
        await page.GetByTestId("convert-lead").ClickAsync();

        // Everything the lead knew is on the intake: nothing is typed twice.
        await page.GetByTestId("from-lead").WaitForAsync();
        Assert.Equal(Address, await page.Locator("#household-address").InputValueAsync());
        Assert.Contains(Worry, await page.Locator("#intake-summary").InputValueAsync());
        Assert.Contains("働きかけ3回", await page.Locator("#intake-summary").InputValueAsync());
        Assert.Contains("アウトリーチ", await page.Locator("#intake-route").InputValueAsync());
        // The lead's informant matches none of the 相談者 choices, so it is kept as その他 with its text.
        Assert.Equal("その他", await page.Locator("#intake-consulter").InputValueAsync());
        Assert.Equal("桜町地区の民生委員", await page.Locator("#intake-consulter-other").InputValueAsync());
        Assert.Equal(Description, await page.Locator("#m1-note").InputValueAsync());
        Assert.Equal("口頭", await page.Locator("#consent-method").InputValueAsync());
        await AssertAccessibleAsync(page, "intake-from-lead");

        await page.Locator("#m1-family").FillAsync("桜井");
        await page.Locator("#m1-given").FillAsync("健一");
        await page.Locator("#m1-family-kana").FillAsync("サクライ");
        await page.Locator("#m1-given-kana").FillAsync("ケンイチ");
        await page.GetByLabel("ひきこもり").CheckAsync();
        await page.GetByTestId("submit-intake").ClickAsync();

        await page.WaitForURLAsync(CasePath());
        await page.Locator("h1", new() { HasText = Person }).WaitForAsync();
        var caseUrl = page.Url;
        await page.GotoAsync(leadUrl);
        await page.GetByTestId("converted-case").WaitForAsync();
        Assert.Contains("支援につながった", await page.Locator(".lead-stages li.current").InnerTextAsync());
        Assert.EndsWith(await page.GetByTestId("converted-case").Locator("a").GetAttributeAsync("href") ?? "-", caseUrl);
        return caseUrl;
    }

    /// <summary>The coordinator assesses and drafts a plan that uses 参加支援, with the outreach worker's agency in the lead.</summary>
    private static async Task DraftPlanWithParticipationAsync(IPage page)
    {
        await CoordinationJourneyTests.AssessAndCreateDraftAsync(page, "母の入院後ひとり暮らし。10年ほど外出していないが、訪問には応じるようになった。",
            "人の少ない場所なら、何か役に立つことをしてみたい。");
        await page.Locator("#goal-1-text").FillAsync("地域の中に通える場所を持つ");
        await page.Locator("#goal-2-text").FillAsync("週1回、家の外で過ごす");
        await ChooseAsync(page, "#plan-lead", Agency);
        await page.GetByLabel("参加支援を利用する").CheckAsync();
        await page.GetByTestId("save-draft").ClickAsync();
        await page.GetByText("目標と設定を保存しました。").WaitForAsync();
        await CoordinationJourneyTests.AddAssignmentAsync(page, Agency, "本人への定期訪問");
    }

    /// <summary>
    /// The coordinator puts the draft on the agenda of a 重層的支援会議 held now; the chair concludes プランを承認 on the board and
    /// approves the minutes. Scheduling a meeting in the browser is MeetingBookingJourneyTests' journey, so the meeting is
    /// registered directly here (as MeetingOutcomeJourneyTests does); the agenda, the board and the minutes are the browser's.
    /// </summary>
    private async Task ApproveAtAMeetingAsync(IPage coordinator, int caseId)
    {
        var (meetingId, caseNumber) = await MeetingHeldNowAsync(caseId);
        await coordinator.GotoAsync($"/meetings/{meetingId}");
        await PickAgendaCaseAsync(coordinator, caseNumber);
        await Assertions.Expect(coordinator.Locator("#agenda-case")).ToHaveValueAsync(new Regex($"^{Regex.Escape(caseNumber)} "), new() { Timeout = 15_000 });
        await ChooseAsync(coordinator, "#agenda-purpose", "プラン案の協議");
        await coordinator.GetByTestId("add-agenda-item").ClickAsync();
        await coordinator.GetByTestId("agenda-item").Filter(new() { HasText = "プラン案の協議" }).WaitForAsync();

        var chair = await NewPageAsync();
        await BrowserFixture.SignInAsync(chair, "chair");
        await chair.GotoAsync($"/meetings/{meetingId}/board");
        await chair.GetByTestId("start-item").First.ClickAsync();
        await chair.Locator($"[data-testid=outcome-choice][data-outcome={nameof(AgendaOutcome.PlanApproved)}]").ClickAsync();
        await chair.GetByTestId("outcome-confirm").ClickAsync();
        await chair.GetByTestId("outcome").Filter(new() { HasText = "プランを承認" }).WaitForAsync();

        await chair.GotoAsync($"/meetings/{meetingId}/minutes");
        await chair.GetByTestId("attendance-check").First.ClickAsync();
        await chair.GetByTestId("attendance").Filter(new() { HasText = "出席" }).WaitForAsync();
        await chair.GetByTestId("approve-minutes").ClickAsync();
        await chair.GetByTestId("approve-confirm-button").ClickAsync();
        await chair.GetByTestId("approve-minutes").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>
    /// Types the case number into the agenda's case search and picks the case. In the first full run with this step the
    /// typed number listed nothing within 15 s (cause not found; 5 of 5 filtered runs listed it): the number is typed once
    /// more before the test gives up (a passing run does not tell whether the second try was needed).
    /// </summary>
    private static async Task PickAgendaCaseAsync(IPage page, string caseNumber)
    {
        var field = page.Locator("#agenda-case");
        var item = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = caseNumber });
        await field.FocusAsync();
        await page.Keyboard.TypeAsync(caseNumber);
        try
        {
            await item.WaitForAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            await field.FillAsync(string.Empty);
            await page.Keyboard.TypeAsync(caseNumber);
        }
        await item.ClickAsync();
    }

    /// <summary>An ad hoc 重層的支援会議 starting now, chaired by the demo chair, with no agenda yet; and the case's number.</summary>
    private async Task<(int MeetingId, string CaseNumber)> MeetingHeldNowAsync(int caseId)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.AdHoc, now, "福祉総合相談課 相談室", new Actor(chair.Id, chair.DisplayName), chair.DisplayName, null, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, (await db.Cases.SingleAsync(c => c.Id == caseId)).Number);
    }

    private static async Task MatchAsync(IPage page, DateOnly today)
    {
        await ChooseAsync(page, "#match-resource", Resource);
        await FillDateAsync(page, "#match-consent", today);
        await FillDateAsync(page, "#match-date", today);
        await page.Locator("#match-wishes").FillAsync("静かな場所で、黙々とできる作業がしたい。");
        await page.Locator("#match-briefing").FillAsync("人の多い場所が苦手なこと（本人了承）。");
        await page.Locator("#match-agreement").FillAsync("水曜の午後、1時間から受け入れる。");
        await FillDateAsync(page, "#match-trial-from", today);
        await FillDateAsync(page, "#match-trial-until", today.AddDays(30));
        await page.GetByTestId("save-matching").ClickAsync();
    }

    /// <summary>
    /// Scanned once the confirmation snackbars have gone (axe would catch one halfway through its fade-in); the pointer is moved
    /// off them first, as a snackbar under it stays.
    /// </summary>
    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0");
        await AccessibilityTests.AssertAccessibleAsync(page, name);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static async Task FillDateAsync(IPage page, string selector, DateOnly date)
    {
        await page.Locator(selector).FillAsync(Day(date));
        await page.Locator(selector).PressAsync("Tab");
    }

    [GeneratedRegex(@"/outreach/\d+$")]
    private static partial Regex LeadPath();

    [GeneratedRegex(@"/cases/\d+$")]
    private static partial Regex CasePath();
}
