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
/// 参加支援 in the browser beyond the outreach chain (OutreachJourneyTests walks a plan from approval to a follow-up): a case
/// whose approved plan does not use participation support is told why, and a lacking resource raised in the minutes.
/// </summary>
public sealed class ParticipationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task PlanWithoutParticipation_TheCaseTabSaysWhy_AndOffersNoForm()
    {
        var caseId = await CaseWithoutParticipationAsync();
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

    /// <summary>A demo case in support on an approved 支援プラン that does not use 参加支援.</summary>
    private async Task<int> CaseWithoutParticipationAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        return await (from p in db.Plans
                      join c in db.Cases on p.SupportCaseId equals c.Id
                      where !p.UsesParticipationSupport && p.Kind == PlanKind.WithConsent && p.Status == PlanStatus.Active
                            && c.CurrentConsent == ConsentStatus.Obtained && c.Stage == CaseStage.Support
                      orderby c.Id
                      select c.Id).FirstAsync();
    }
}
