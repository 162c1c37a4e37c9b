using Juso.Domain.Common;
using Juso.Domain.Outreach;
using Juso.Domain.Statistics;
using Juso.Portal.Features.Outreach;
using Juso.Portal.Features.Participation;
using Juso.Portal.Features.Reports;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Reports;

/// <summary>The outreach and participation figures in the report's indicators, on SQLite through the real services (fake clock in 令和8年度).</summary>
public sealed class ReportIndicatorSourceTests : IAsyncLifetime
{
    private static readonly FiscalYear R7 = new(2025);
    private static readonly FiscalYear R8 = new(2026);
    private AlertWorld _world = default!;

    private PortalHarness Harness => _world.Harness;

    public async Task InitializeAsync() => _world = await AlertWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Indicators_ShowTheLeadsAndParticipationPlansOfTheYear_AgainstTheirTargets_NoneLeftUncounted()
    {
        await using (var admin = Harness.As(TestUsers.Administrator()))
        {
            var targets = Harness.Get<IndicatorTargetsService>(admin);
            var form = await targets.GetAsync(R8);
            form.Values[Indicator.OutreachFound] = 2;
            form.Values[Indicator.ParticipationPlans] = 1;
            Assert.True((await targets.SaveAsync(form)).Succeeded);
        }
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60), participation: true);
        await using (var scope = Harness.As(TestUsers.Coordinator()))
        {
            var lead = await Harness.Get<LeadChangeService>(scope).RegisterAsync(new LeadForm
            {
                Description = "東町の○○さん宅の長男（40代）", Source = LeadSource.CommissionedVolunteer, Worry = "10年以上外出していない様子。",
                ResponsibleAgencyId = _world.Lead.Id, ContactEveryDays = 14,
            });
            Assert.True(lead.Succeeded, string.Join(" ", lead.Errors.Select(e => e.Message)));
            await using var db = Harness.NewContext();
            var householdId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.HouseholdId).SingleAsync();
            var memberId = await db.HouseholdMembers.Where(m => m.HouseholdId == householdId).Select(m => m.Id).FirstAsync();
            CaseSteps.Ok(await Harness.Get<ParticipationPlanService>(scope).CreateAsync(caseId,
                new NewParticipationForm { MemberId = memberId, Goal = "週1回の外出", FollowUpIntervalDays = 14 }));
        }
        await using var chair = Harness.As(TestUsers.Chair());

        var view = await Harness.Get<ReportService>(chair).ReportAsync(R7, R8);

        IndicatorLine Line(Indicator indicator) => view.Indicators.Single(i => i.Definition.Indicator == indicator);
        var found = Line(Indicator.OutreachFound).Cells;
        Assert.Equal((2m, 1m, false, 50.0m), (found[1].Target!.Value, found[1].Actual!.Value, found[1].Achieved!.Value, found[1].Rate!.Value));
        var plans = Line(Indicator.ParticipationPlans).Cells;
        Assert.Equal((1m, 1m, true, 100.0m), (plans[1].Target!.Value, plans[1].Actual!.Value, plans[1].Achieved!.Value, plans[1].Rate!.Value));
        Assert.Equal((0m, 0m), (found[0].Actual!.Value, plans[0].Actual!.Value));
        Assert.Equal(0m, Line(Indicator.Matchings).Cells[1].Actual);
        Assert.All(view.Indicators.SelectMany(i => i.Cells), c => Assert.NotNull(c.Actual));
    }
}
