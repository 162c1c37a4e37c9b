using Bunit;
using Bunit.Rendering;
using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Juso.Tests.Features.Cases;

/// <summary>
/// Issue 12 item 5 on the case's own forms: the loser of a race keeps their typing, sees the saved values and who saved them,
/// and saves again in one click (the hand-back of the stage actions, and a new assessment version).
/// </summary>
public sealed class CaseEditConflictTests : PortalComponentTest
{
    private Agency _agency = default!;
    private int _caseId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _agency = Agency.Create("ひばり野市 地域包括支援センター", AgencyField.Elderly, AgencyOperation.Direct, null, PortalHarness.Start);
        await using (var db = NewContext())
        {
            db.Agencies.Add(_agency);
            await db.SaveChangesAsync();
        }
        _caseId = CaseSteps.Ok(await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid(referringAgencyId: _agency.Id))).Id;
    }

    [Fact]
    public async Task HandBack_AfterAColleaguesSave_KeepsTheReason_ShowsWhoSavedWhat_AndReappliesInOneClick()
    {
        var page = RenderStageActions(await CaseAsync());
        await page.Find("[data-testid=open-handback]").ClickAsync(new MouseEventArgs());
        await page.Find("#handback-reason").ChangeAsync(new ChangeEventArgs { Value = "地域包括で見守りを続ける" });
        await AsColleagueAsync(async () => CaseSteps.Ok(await Services.GetRequiredService<CaseService>()
            .SetLeadAgencyAsync(_caseId, (await CaseAsync()).Version, _agency.Id)));

        await page.Find("[data-testid=confirm-handback]").ClickAsync(new MouseEventArgs());

        var notice = page.WaitForElement("[data-testid=edit-conflict]");
        Assert.Contains("野口 直子さん", notice.TextContent);
        Assert.Contains("あなたの変更はまだ保存されていません", notice.TextContent);
        Assert.Contains("包括的相談支援", page.Find("[data-testid=conflict-typed]").TextContent);
        Assert.Equal("地域包括で見守りを続ける", page.Find("#handback-reason").GetAttribute("value"));
        Assert.Equal(CaseStage.Intake, (await CaseAsync()).Stage);

        await page.Find("[data-testid=conflict-reapply]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=edit-conflict]")));
        var saved = await CaseAsync();
        Assert.Equal(CaseStage.Closed, saved.Stage);
        Assert.Contains("地域包括で見守りを続ける", saved.ClosureReason);
    }

    [Fact]
    public async Task Assessment_AVersionRecordedMeanwhile_IsNotSupersededUnseen_TheTypingStays_AndOneClickRecordsItOnTop()
    {
        var coordination = Services.GetRequiredService<CoordinationService>();
        CaseSteps.Ok(await coordination.StartAssessmentAsync(_caseId, (await CaseAsync()).Version));
        var tab = RenderAssessmentTab();
        await tab.Find("[data-testid=new-assessment]").ClickAsync(new MouseEventArgs());
        await tab.Find("#assessment-Situation").ChangeAsync(new ChangeEventArgs { Value = "母と長男の二人暮らし（中川）" });
        await AsColleagueAsync(async () => CaseSteps.Ok(await coordination.RecordAssessmentAsync(_caseId,
            new AssessmentDetails("母と長男と長女の三人暮らし（野口）", null, null, null, null, null, null, null, [], []), startedFrom: 0)));

        await tab.Find("form").SubmitAsync();

        var notice = tab.WaitForElement("[data-testid=edit-conflict]");
        Assert.Contains("野口 直子さん", notice.TextContent);
        Assert.Contains(tab.FindAll("[data-testid=conflict-saved]"), cell => cell.TextContent == "母と長男と長女の三人暮らし（野口）");
        Assert.Equal("母と長男の二人暮らし（中川）", tab.Find("#assessment-Situation").GetAttribute("value"));

        await tab.Find("[data-testid=conflict-reapply]").ClickAsync(new MouseEventArgs());

        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-testid=edit-conflict]")));
        await using var db = NewContext();
        var versions = await db.Assessments.Where(a => a.SupportCaseId == _caseId).OrderBy(a => a.AssessmentVersion).Select(a => a.Situation).ToListAsync();
        Assert.Equal(["母と長男と長女の三人暮らし（野口）", "母と長男の二人暮らし（中川）"], versions);
    }

    [Fact]
    public async Task Assessment_StartedFromAnOlderVersion_IsAConflict_AndNothingIsRecorded()
    {
        var coordination = Services.GetRequiredService<CoordinationService>();
        CaseSteps.Ok(await coordination.StartAssessmentAsync(_caseId, (await CaseAsync()).Version));
        CaseSteps.Ok(await coordination.RecordAssessmentAsync(_caseId, new AssessmentDetails("第1版", null, null, null, null, null, null, null, [], []), startedFrom: 0));

        var stale = await coordination.RecordAssessmentAsync(_caseId, new AssessmentDetails("古い版から", null, null, null, null, null, null, null, [], []), startedFrom: 0);

        Assert.Equal(Juso.Portal.Common.SaveStatus.Conflict, stale.Status);
        await using var db = NewContext();
        Assert.Equal(["第1版"], await db.Assessments.Where(a => a.SupportCaseId == _caseId).Select(a => a.Situation).ToListAsync());
    }

    private async Task<CaseDetail> CaseAsync() => (await Services.GetRequiredService<CaseService>().GetAsync(_caseId))!;

    /// <summary>A save by another coordinator, whose name the loser is shown.</summary>
    private async Task AsColleagueAsync(Func<Task> save)
    {
        var me = Auth.User;
        Auth.User = TestUsers.Principal("u-noguchi", "野口 直子", null, JusoRoles.Coordinator);
        try
        {
            await save();
        }
        finally
        {
            Auth.User = me;
        }
    }

    private IRenderedComponent<ContainerFragment> RenderStageActions(CaseDetail supportCase) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<CaseStageActions>(1);
            builder.AddAttribute(2, nameof(CaseStageActions.Case), supportCase);
            builder.CloseComponent();
        });

    private IRenderedComponent<ContainerFragment> RenderAssessmentTab() =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<AssessmentTab>(1);
            builder.AddAttribute(2, nameof(AssessmentTab.CaseId), _caseId);
            builder.AddAttribute(3, nameof(AssessmentTab.Stage), CaseStage.Assessment);
            builder.AddAttribute(4, nameof(AssessmentTab.CanEdit), true);
            builder.CloseComponent();
        });
}
