using Bunit;
using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Plans;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Juso.Tests.Features.Plans;

/// <summary>The plan editor shows the domain's refusals where the user is working, and keeps the draft unchanged.</summary>
public sealed class PlanTabTests : PortalComponentTest
{
    private CaseDetail _case = default!;
    private IReadOnlyList<AgencyOption> _agencies = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = NewContext())
        {
            db.Agencies.Add(Agency.Create("くらしサポートセンター", AgencyField.Poverty, AgencyOperation.Contracted, null, PortalHarness.Start));
            await db.SaveChangesAsync();
        }
        var caseId = (await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid())).Id;
        var coordination = Services.GetRequiredService<CoordinationService>();
        var cases = Services.GetRequiredService<CaseService>();
        await coordination.StartAssessmentAsync(caseId, (await cases.GetAsync(caseId))!.Version);
        await coordination.RecordAssessmentAsync(caseId, new AssessmentDetails("状況", null, null, null, null, null, null, null, [], []));
        await coordination.StartPlanningAsync(caseId, (await cases.GetAsync(caseId))!.Version);
        await Services.GetRequiredService<PlanService>().CreateDraftAsync(caseId);
        _case = (await cases.GetAsync(caseId))!;
        _agencies = await cases.GetAgencyOptionsAsync();
    }

    [Fact]
    public async Task SaveDraft_EmptyGoalText_ShowsTheMessageOnThatGoal()
    {
        var tab = RenderTab();
        await tab.Find("#goal-1-text").ChangeAsync(new ChangeEventArgs { Value = "世帯が安心して暮らす" });

        await tab.Find("[data-testid=save-draft]").ClickAsync(new MouseEventArgs());

        tab.WaitForAssertion(() => Assert.Contains("短期目標を入力してください。", tab.Find("[data-testid=form-errors]").TextContent));
        await using var db = NewContext();
        Assert.Empty(await db.Plans.SelectMany(p => p.Goals).ToListAsync());
    }

    [Fact]
    public async Task SaveDraft_AfterAnotherSave_KeepsTheTyping_ShowsTheSavedGoal_AndReappliesInOneClick()
    {
        var tab = RenderTab();
        var plans = Services.GetRequiredService<PlanService>();
        var plan = (await plans.PlansAsync(_case.Id)).Single();
        await plans.ReviseDraftAsync(_case.Id, plan.Id, plan.Version, new PlanDraftForm
        {
            Goals = [new GoalForm { Term = GoalTerm.LongTerm, Text = "先に保存された目標" }],
            MonitoringIntervalDays = 90,
        });
        await tab.Find("#goal-1-text").ChangeAsync(new ChangeEventArgs { Value = "あとから入力した目標" });
        await tab.Find("#goal-2-text").ChangeAsync(new ChangeEventArgs { Value = "短期の目標" });

        await tab.Find("[data-testid=save-draft]").ClickAsync(new MouseEventArgs());

        tab.WaitForAssertion(() => Assert.Contains("先に保存された目標", tab.Find("[data-testid=conflict-saved]").TextContent));
        Assert.Equal("あとから入力した目標", tab.Find("#goal-1-text").GetAttribute("value"));
        await tab.Find("[data-testid=conflict-reapply]").ClickAsync(new MouseEventArgs());
        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-testid=edit-conflict]")));
        await using var db = NewContext();
        Assert.Equal(["あとから入力した目標", "短期の目標"], await db.Plans.SelectMany(p => p.Goals).OrderBy(g => g.Term).Select(g => g.Text).ToListAsync());
    }

    [Fact]
    public void Draft_IsNotApprovedOnTheTab_TheTabPointsToTheMeetings()
    {
        var tab = RenderTab();

        Assert.Empty(tab.FindAll("[data-testid=approve-plan]"));
        Assert.Contains("議事録を承認", tab.Find("[data-testid=approval-at-meeting]").TextContent);
        Assert.Contains("案", tab.Find("[data-testid=plan-status]").TextContent);
    }

    [Fact]
    public async Task AddAssignment_WithoutAgencyOrTask_ShowsBothMessages_AndAddsNothing()
    {
        var tab = RenderTab();

        await tab.Find("[data-testid=save-assignment]").ClickAsync(new MouseEventArgs());

        tab.WaitForAssertion(() =>
        {
            var errors = tab.Find("[data-testid=form-errors]").TextContent;
            Assert.Contains("役割を担う機関を選択してください", errors);
            Assert.Contains("役割（支援内容）を入力してください。", errors);
        });
        Assert.Empty(tab.FindAll("[data-testid=assignment-table] tbody tr"));
    }

    [Fact]
    public void SupportPlanWithConsent_IsNotMarkedInternal()
    {
        var tab = RenderTab();

        // The intake form gives consent, so this is a 支援プラン: no internal marking.
        Assert.Empty(tab.FindAll("[data-testid=internal-only]"));
        Assert.Contains("支援プラン", tab.Find("h2").TextContent);
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderTab() =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<PlanTab>(1);
            builder.AddComponentParameter(2, nameof(PlanTab.Case), _case);
            builder.AddComponentParameter(3, nameof(PlanTab.Agencies), _agencies);
            builder.CloseComponent();
        });
}
