using Deque.AxeCore.Playwright;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Printing in the real portal: preview, download with progress, print for signature, record the signature; axe on the print pages.</summary>
public sealed class DocumentJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_PreviewsThePlan_DownloadsIt_PrintsItForSignature_AndRecordsTheSignature()
    {
        var (caseId, planId) = await PlanAsync(PlanKind.WithConsent);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator");

        await page.GotoAsync($"/cases/{caseId}/plans/{planId}/print");
        var preview = page.FrameLocator("[data-testid=document-preview]");
        await preview.GetByText("内容に同意します", new() { Exact = false }).First.WaitForAsync();
        await AssertAccessibleAsync(page, "plan-print");

        var copy = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-copy").ClickAsync());
        Assert.StartsWith("plan-", copy.SuggestedFilename);
        var copyPages = PdfText.Pages(await File.ReadAllBytesAsync(await copy.PathAsync()));
        Assert.Contains("支援プラン", string.Concat(copyPages));
        // Every page of each print says which plan and which copy it is.
        Assert.All(copyPages, p => Assert.Contains("控え", p));
        Assert.All(copyPages, p => Assert.Contains("プラン番号", p));

        var forSignature = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("print-for-signature").ClickAsync());
        Assert.EndsWith("-signature.pdf", forSignature.SuggestedFilename);
        var signaturePages = PdfText.Pages(await File.ReadAllBytesAsync(await forSignature.PathAsync()));
        Assert.All(signaturePages, p => Assert.Contains("署名用", p));
        Assert.Contains("令和", string.Concat(signaturePages));
        var row = page.GetByTestId("signature-table").Locator("tbody tr").First;
        await row.GetByText("未署名").WaitForAsync();
        await row.GetByText("令和", new() { Exact = false }).First.WaitForAsync();

        await row.GetByTestId("mark-signed").ClickAsync();
        await page.Locator("#signed-by").WaitForAsync();
        await AssertAccessibleAsync(page, "plan-sign-dialog");
        // Who signed is chosen (the person first, then the household); someone outside it, a 代理人, is typed under 「その他」.
        Assert.Equal(await PrincipalNameAsync(caseId), await page.Locator("#signed-by").InputValueAsync());
        await IntakeJourneyTests.ChooseAsync(page, "#signed-by", "その他（入力する）");
        await page.Locator("#signed-by-other").FillAsync("代理人 山田 花子");
        await page.GetByTestId("save-signature").ClickAsync();
        await row.GetByTestId("signature-state").Filter(new() { HasText = "署名済み" }).Filter(new() { HasText = "代理人 山田 花子" }).WaitForAsync();
        await Assertions.Expect(row.GetByTestId("mark-signed")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WholeHouseholdPlan_PreviewSaysInternalOnly_AndOffersNoPrintForSignature()
    {
        var (caseId, planId) = await PlanAsync(PlanKind.WholeHousehold);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator");

        await page.GotoAsync($"/cases/{caseId}/plans/{planId}/print");
        await page.GetByTestId("internal-only").WaitForAsync();
        await page.FrameLocator("[data-testid=document-preview]").GetByText("取扱注意・本人交付不可").First.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("print-for-signature")).ToHaveCountAsync(0);
        await page.GetByTestId("not-for-signature").WaitForAsync();
        await AssertAccessibleAsync(page, "household-plan-print");
    }

    [Fact]
    public async Task Chair_PrintsTheAgenda_WithNamesMaskedOrNot()
    {
        var meetingId = await MeetingAsync();
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chair");

        await page.GotoAsync($"/meetings/{meetingId}/agenda/print");
        var preview = page.FrameLocator("[data-testid=document-preview]");
        await preview.GetByText("氏名は伏せて記載しています").WaitForAsync();
        await AssertAccessibleAsync(page, "agenda-print");

        await page.GetByLabel("氏名を伏せて印刷する").ClickAsync();
        await Assertions.Expect(preview.GetByText("氏名は伏せて記載しています")).ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-agenda").ClickAsync());
        var text = string.Concat(PdfText.Pages(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Contains("支援会議", text);
    }

    private async Task<(int CaseId, int PlanId)> PlanAsync(PlanKind kind)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var plan = await db.Plans.Where(p => p.Kind == kind && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Approved)).OrderBy(p => p.Id).FirstAsync();
        return (plan.SupportCaseId, plan.Id);
    }

    private async Task<string> PrincipalNameAsync(int caseId)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var householdId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.HouseholdId).SingleAsync();
        return await db.HouseholdMembers.Where(m => m.HouseholdId == householdId && m.Relationship == Juso.Domain.Households.Relationship.Principal)
            .Select(m => m.FamilyName + "\u3000" + m.GivenName).SingleAsync();
    }

    /// <summary>A 支援会議 chaired by the demo chair with the whole-household case on its agenda (the demo has no meetings yet).</summary>
    private async Task<int> MeetingAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var (caseId, _) = await PlanAsync(PlanKind.WholeHousehold);
        var supportCase = await db.Cases.SingleAsync(c => c.Id == caseId);
        var now = DateTimeOffset.UtcNow;
        var meeting = Meeting.Schedule(MeetingKind.Support, MeetingCadence.AdHoc, now.AddDays(7), "第2会議室", new Juso.Domain.Common.Actor(chair.Id, "石田 美穂"), "石田 美穂", null, now);
        meeting.AddAgendaItem(supportCase, AgendaPurpose.PlanProposal, 20, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-appbar-background').trim() !== ''");
        await BrowserFixture.ScreenshotAsync(page, name);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
