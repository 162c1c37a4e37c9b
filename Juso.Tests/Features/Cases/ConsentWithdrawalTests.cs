using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Cases;

/// <summary>domain.md: when consent is withdrawn the current 支援プラン stops, and it is saved together with the consent record.</summary>
public sealed class ConsentWithdrawalTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RecordWithdrawal_StopsTheActiveSupportPlan_AndNotesItOnTheTimeline()
    {
        var lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var opened = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid());
        var planId = await ActivePlanAsync(opened.Id, lead);
        var cases = _harness.Get<CaseService>(scope);
        var before = await cases.GetAsync(opened.Id);

        var result = await cases.RecordConsentAsync(opened.Id, before!.Version,
            new ConsentForm { Status = ConsentStatus.Withdrawn, Date = new DateTime(2026, 11, 23), Method = ConsentMethod.Verbal, Note = "電話で撤回の申し出" });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        await using var db = _harness.NewContext();
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        Assert.Equal(PlanStatus.Stopped, plan.Status);
        var after = await cases.GetAsync(opened.Id);
        Assert.Equal(ConsentStatus.Withdrawn, after!.Consent);
        Assert.Contains(after.Timeline, t => t.Description.Contains("支援プラン（第1版）を停止"));
    }

    private async Task<int> ActivePlanAsync(int caseId, Agency lead)
    {
        var now = _harness.Time.GetUtcNow();
        var today = JapanDate.Today(now);
        var actor = new Actor("u-coordinator", "中川 浩二");
        await using var db = _harness.NewContext();
        var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        supportCase.StartAssessment(actor, now);
        var assessment = Assessment.Record(supportCase, 1,
            new AssessmentDetails("家賃を滞納している", null, null, null, null, null, null, null, [], []), [], [], actor, now);
        db.Assessments.Add(assessment);
        supportCase.StartPlanning(assessment, actor, now);
        var plan = SupportPlan.Draft(supportCase, now);
        plan.ReviseDraft([new GoalDetails(GoalTerm.LongTerm, "生活の安定")], lead, false, false, 60, now);
        plan.AddAssignment(new AssignmentDetails(lead.Id, "高木", "家計相談", "月2回", AssignmentStatus.InProgress, today, null), lead, now);
        plan.Approve(today, null, now);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        supportCase.StartSupport(plan, today, null, actor, now);
        await db.SaveChangesAsync();
        return plan.Id;
    }
}
