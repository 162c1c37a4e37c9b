using Juso.Domain.Cases;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 12 item 5 at the desk: two people edit the same plan, household, monitoring, assessment or case stage; the second keeps their typing, sees who saved what, and reapplies.</summary>
public sealed class EditConflictJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task PlanDraftRace_TheLoserKeepsTheirGoal_SeesTheSavedOneAndWho_AndReappliesInOneClick()
    {
        var caseId = await CaseWithDraftPlanAsync();
        var (first, second) = await BothOnTabAsync(caseId, "プラン", "#goal-1-text");

        await first.Locator("#goal-1-text").FillAsync("家計が安定し、母と暮らし続ける（中川）");
        await first.GetByTestId("save-draft").ClickAsync();
        await first.GetByText("目標と設定を保存しました。").WaitForAsync();
        await second.Locator("#goal-1-text").FillAsync("住まいを失わずに暮らし続ける（野口）");
        await second.GetByTestId("save-draft").ClickAsync();

        var notice = second.GetByTestId("edit-conflict");
        await notice.Filter(new() { HasText = "中川 浩二さん" }).WaitForAsync();
        Assert.Contains("あなたの変更はまだ保存されていません", await notice.InnerTextAsync());
        Assert.Contains("家計が安定し、母と暮らし続ける（中川）", await second.GetByTestId("conflict-saved").First.InnerTextAsync());
        Assert.Equal("住まいを失わずに暮らし続ける（野口）", await second.Locator("#goal-1-text").InputValueAsync());
        await AccessibilityTests.AssertAccessibleAsync(second, "plan-conflict");

        await second.GetByTestId("conflict-reapply").ClickAsync();
        await second.GetByText("目標と設定を保存しました。").WaitForAsync();
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await using var db = await DbAsync();
        Assert.Contains(await db.Plans.Where(p => p.SupportCaseId == caseId).SelectMany(p => p.Goals).Select(g => g.Text).ToListAsync(),
            text => text == "住まいを失わずに暮らし続ける（野口）");
    }

    [Fact]
    public async Task HouseholdRace_TheLoserKeepsTheirNote_SeesTheSavedOneAndWho_AndReappliesInOneClick()
    {
        await using var db = await DbAsync();
        var agencyId = await db.Agencies.Where(a => a.Name == "こども家庭センター").Select(a => a.Id).SingleAsync();
        var householdId = await db.Cases.Where(c => c.Agencies.Any(a => a.AgencyId == agencyId)).OrderByDescending(c => c.Id).Select(c => c.HouseholdId).FirstAsync();
        var first = await NewPageAsync();
        var second = await NewPageAsync();
        await BrowserFixture.SignInAsync(first, "coordinator", $"/households/{householdId}");
        await BrowserFixture.SignInAsync(second, "supervisor", $"/households/{householdId}");
        await first.GetByTestId("edit-household").ClickAsync();
        await second.GetByTestId("edit-household").ClickAsync();

        await first.Locator("#household-note").FillAsync("週1回の訪問を継続（中川）");
        await first.GetByTestId("save-household").ClickAsync();
        await first.GetByText("週1回の訪問を継続（中川）").WaitForAsync();
        await second.Locator("#household-note").FillAsync("月2回の訪問に増やす（野口）");
        await second.GetByTestId("save-household").ClickAsync();

        var notice = second.GetByTestId("edit-conflict");
        await notice.Filter(new() { HasText = "中川 浩二さん" }).WaitForAsync();
        Assert.Equal("週1回の訪問を継続（中川）", await second.GetByTestId("conflict-saved").First.InnerTextAsync());
        Assert.Equal("月2回の訪問に増やす（野口）", await second.GetByTestId("conflict-typed").First.InnerTextAsync());
        Assert.Equal("月2回の訪問に増やす（野口）", await second.Locator("#household-note").InputValueAsync());
        await AccessibilityTests.AssertAccessibleAsync(second, "household-conflict");

        await second.GetByTestId("conflict-reapply").ClickAsync();
        await second.GetByText("月2回の訪問に増やす（野口）").WaitForAsync();
        await second.GetByTestId("edit-household").WaitForAsync();
        await first.ReloadAsync();
        await first.GetByText("月2回の訪問に増やす（野口）").WaitForAsync();
    }

    [Fact]
    public async Task MonitoringRace_TheLoserKeepsTheirFindings_SeesTheReviewSavedAndWho_AndRecordsTheirsInOneClick()
    {
        int caseId;
        await using (var db = await DbAsync())
        {
            caseId = await db.Plans.Where(p => p.Status == PlanStatus.Active).OrderByDescending(p => p.Id).Select(p => p.SupportCaseId).FirstAsync();
        }
        var (first, second) = await BothOnTabAsync(caseId, "モニタリング", "#review-findings");

        await first.Locator("#review-findings").FillAsync("訪問時、本人の表情が明るくなっていた（中川）");
        await first.GetByTestId("save-review").ClickAsync();
        await first.GetByText("モニタリングを記録しました。").WaitForAsync();
        await second.Locator("#review-findings").FillAsync("家計の滞納が一部解消された（野口）");
        await second.GetByTestId("save-review").ClickAsync();

        var notice = second.GetByTestId("edit-conflict");
        await notice.Filter(new() { HasText = "中川 浩二さん" }).WaitForAsync();
        Assert.Contains("あなたの変更はまだ保存されていません", await notice.InnerTextAsync());
        Assert.Contains("訪問時、本人の表情が明るくなっていた（中川）", await second.GetByTestId("conflict-saved").First.InnerTextAsync());
        Assert.Equal("家計の滞納が一部解消された（野口）", await second.Locator("#review-findings").InputValueAsync());
        await AccessibilityTests.AssertAccessibleAsync(second, "monitoring-conflict");

        await second.GetByTestId("conflict-reapply").ClickAsync();
        await second.GetByText("モニタリングを記録しました。").WaitForAsync();
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await using var after = await DbAsync();
        var findings = await after.MonitoringReviews.Where(r => r.SupportCaseId == caseId).Select(r => r.Findings).ToListAsync();
        Assert.Contains("訪問時、本人の表情が明るくなっていた（中川）", findings);
        Assert.Contains("家計の滞納が一部解消された（野口）", findings);
    }

    [Fact]
    public async Task AssessmentRace_TheLoserKeepsTheirText_SeesTheVersionSavedAndWho_AndRecordsTheirsOnTopInOneClick()
    {
        int caseId;
        await using (var db = await DbAsync())
        {
            caseId = await db.Cases.Where(c => c.Stage == CaseStage.Assessment).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        var (first, second) = await BothOnTabAsync(caseId, "アセスメント", "[data-testid=new-assessment]");
        foreach (var page in new[] { first, second })
        {
            await page.GetByTestId("new-assessment").ClickAsync();
        }

        await first.Locator("#assessment-Situation").FillAsync("母と長男の二人暮らし、長男は日中不在（中川）");
        await first.GetByTestId("save-assessment").ClickAsync();
        await first.GetByText("アセスメントを記録しました。").WaitForAsync();
        await second.Locator("#assessment-Situation").FillAsync("母と長男と長女の三人暮らし（野口）");
        await second.GetByTestId("save-assessment").ClickAsync();

        var notice = second.GetByTestId("edit-conflict");
        await notice.Filter(new() { HasText = "中川 浩二さん" }).WaitForAsync();
        Assert.Contains("あなたの変更はまだ保存されていません", await notice.InnerTextAsync());
        Assert.Contains("母と長男の二人暮らし、長男は日中不在（中川）", await second.GetByTestId("conflict-saved").AllInnerTextsAsync());
        Assert.Equal("母と長男と長女の三人暮らし（野口）", await second.Locator("#assessment-Situation").InputValueAsync());
        await AccessibilityTests.AssertAccessibleAsync(second, "assessment-conflict");

        await second.GetByTestId("conflict-reapply").ClickAsync();
        await second.GetByText("アセスメントを記録しました。").WaitForAsync();
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await using var after = await DbAsync();
        var latest = await after.Assessments.Where(a => a.SupportCaseId == caseId).OrderByDescending(a => a.AssessmentVersion).Select(a => a.Situation).Take(2).ToListAsync();
        Assert.Equal(["母と長男と長女の三人暮らし（野口）", "母と長男の二人暮らし、長男は日中不在（中川）"], latest);
    }

    [Fact]
    public async Task StageRace_TheLoserOfAHandBackKeepsTheirReason_SeesTheStageSavedAndWho_AndHandsBackInOneClick()
    {
        int caseId;
        await using (var db = await DbAsync())
        {
            caseId = await db.Cases.Where(c => c.Stage == CaseStage.Intake && c.ReferringAgencyId != null).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        var first = await NewPageAsync();
        var second = await NewPageAsync();
        await BrowserFixture.SignInAsync(first, "coordinator", $"/cases/{caseId}");
        await BrowserFixture.SignInAsync(second, "supervisor", $"/cases/{caseId}");
        await second.GetByTestId("open-handback").ClickAsync();
        await second.Locator("#handback-reason").FillAsync("地域包括支援センターで見守りを続ける（野口）");

        await first.GetByTestId("start-assessment").ClickAsync();
        await first.GetByText("アセスメントを開始しました。").WaitForAsync();
        await second.GetByTestId("confirm-handback").ClickAsync();

        var notice = second.GetByTestId("edit-conflict");
        await notice.Filter(new() { HasText = "中川 浩二さん" }).WaitForAsync();
        Assert.Contains("あなたの変更はまだ保存されていません", await notice.InnerTextAsync());
        Assert.Contains(CaseStage.Assessment.Label(), await second.GetByTestId("conflict-saved").AllInnerTextsAsync());
        Assert.Equal("地域包括支援センターで見守りを続ける（野口）", await second.Locator("#handback-reason").InputValueAsync());
        await AccessibilityTests.AssertAccessibleAsync(second, "handback-conflict");
        await using (var db = await DbAsync())
        {
            Assert.Equal(CaseStage.Assessment, await db.Cases.Where(c => c.Id == caseId).Select(c => c.Stage).SingleAsync());
        }

        await second.GetByTestId("conflict-reapply").ClickAsync();
        await second.GetByText("包括的相談支援へ戻しました。").WaitForAsync();
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await using var after = await DbAsync();
        var saved = await after.Cases.Where(c => c.Id == caseId).Select(c => new { c.Stage, c.ClosureReason }).SingleAsync();
        Assert.Equal(CaseStage.Closed, saved.Stage);
        Assert.Contains("地域包括支援センターで見守りを続ける（野口）", saved.ClosureReason);
    }

    /// <summary>The coordinator (中川) and the supervisor (野口) on the same tab of the case, its form loaded.</summary>
    private async Task<(IPage First, IPage Second)> BothOnTabAsync(int caseId, string tab, string field)
    {
        var first = await NewPageAsync();
        var second = await NewPageAsync();
        await BrowserFixture.SignInAsync(first, "coordinator", $"/cases/{caseId}");
        await BrowserFixture.SignInAsync(second, "supervisor", $"/cases/{caseId}");
        foreach (var page in new[] { first, second })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await page.Locator(field).WaitForAsync();
        }
        return (first, second);
    }

    private async Task<int> CaseWithDraftPlanAsync()
    {
        await using var db = await DbAsync();
        return await db.Plans.Where(p => p.Status == PlanStatus.Draft && p.Goals.Count > 0).OrderBy(p => p.Id).Select(p => p.SupportCaseId).FirstAsync();
    }

    private Task<JusoDbContext> DbAsync() =>
        Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
}
