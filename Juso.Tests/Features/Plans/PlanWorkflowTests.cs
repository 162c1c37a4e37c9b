using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Juso.Domain.Contacts;
using Juso.Domain.Plans;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Monitoring;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Plans;

/// <summary>From a referred case to an approved plan in support, through the real services on SQLite.</summary>
public sealed class PlanWorkflowTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private int _caseId;
    private Agency _lead = default!;
    private Agency _partner = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _partner = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        await using var scope = _harness.As(TestUsers.Coordinator());
        _caseId = (await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid())).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Coordinator_TakesCaseFromIntakeToSupport_WithTwoAssignments_AndReplanKeepsTheOldVersion()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var coordination = _harness.Get<CoordinationService>(scope);
        var plans = _harness.Get<PlanService>(scope);

        Ok(await coordination.StartAssessmentAsync(_caseId, await CaseVersionAsync()));
        Ok(await coordination.RecordAssessmentAsync(_caseId, new AssessmentDetails("母と長男の二人暮らし", null, "年金のみ", null, null, null, null, "家で暮らしたい", [],
            [new SourceDetails(_partner.Id, null, new DateOnly(2026, 11, 20), "母の物忘れが進んでいる")])));
        Ok(await coordination.StartPlanningAsync(_caseId, await CaseVersionAsync()));
        var planId = Ok(await plans.CreateDraftAsync(_caseId)).Id;
        var plan = (await plans.PlansAsync(_caseId)).Single();
        Assert.Equal(PlanKind.WithConsent, plan.Kind);

        plan = await ReviseAsync(plans, plan);
        Ok(await plans.AddAssignmentAsync(_caseId, planId, plan.Version, Assignment(_lead.Id, "家計相談")));
        plan = (await plans.PlansAsync(_caseId)).Single();
        Ok(await plans.AddAssignmentAsync(_caseId, planId, plan.Version, Assignment(_partner.Id, "母の介護サービス調整")));
        plan = (await plans.PlansAsync(_caseId)).Single();
        Ok(await new CaseSteps(_harness).ApproveAtMeetingAsync(_caseId));
        Ok(await plans.StartSupportAsync(_caseId, await CaseVersionAsync(), planId, new DateTime(2026, 11, 23), new DateTime(2026, 12, 21)));
        Ok(await coordination.RecordContactAsync(_caseId, new ContactDetails(ContactKind.Visit, _harness.Time.GetUtcNow().AddHours(-1), "本人と母", "初回訪問")));

        var active = (await plans.PlansAsync(_caseId)).Single();
        Assert.Equal(PlanStatus.Active, active.Status);
        Assert.Equal(new DateOnly(2026, 12, 21), active.NextMonitoringDue);
        Assert.Equal(2, active.Assignments.Count);
        Assert.Equal("くらしサポートセンター", active.LeadAgencyName);
        var detail = await _harness.Get<CaseService>(scope).GetAsync(_caseId);
        Assert.Equal(CaseStage.Support, detail!.Stage);
        Assert.Contains(detail.Agencies, a => a.AgencyId == _partner.Id);
        Assert.Single(await coordination.ContactsAsync(_caseId));

        Ok(await plans.ReplanAsync(_caseId, await CaseVersionAsync(), "短期目標を達成したため見直し"));

        var versions = await plans.PlansAsync(_caseId);
        Assert.Equal([2, 1], versions.Select(v => v.PlanVersion));
        Assert.Equal(PlanStatus.Draft, versions[0].Status);
        Assert.Equal(PlanStatus.Evaluated, versions[1].Status);
        Assert.Equal(2, versions[1].Assignments.Count);
    }

    [Fact]
    public async Task Approve_DraftWithoutGoalsOrLead_IsRefused_AndNothingChanges()
    {
        var planId = await DraftAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);
        var plan = (await plans.PlansAsync(_caseId)).Single();

        var result = await new CaseSteps(_harness).ApproveAtMeetingAsync(_caseId);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Message.EndsWith("（プランを承認）: 目標を1つ以上設定してから承認してください。", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.EndsWith("（プランを承認）: 主担当機関を決めてから承認してください。", StringComparison.Ordinal));
        Assert.Equal(PlanStatus.Draft, (await plans.PlansAsync(_caseId)).Single().Status);
    }

    [Fact]
    public async Task Assignment_ForInactiveOrUnknownAgency_IsRefused()
    {
        var planId = await DraftAsync();
        var closed = await _harness.AddAgencyAsync("休止中の事業所", active: false);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);
        var version = (await plans.PlansAsync(_caseId)).Single().Version;

        var inactive = await plans.AddAssignmentAsync(_caseId, planId, version, Assignment(closed.Id, "訪問"));
        var unknown = await plans.AddAssignmentAsync(_caseId, planId, version, Assignment(9999, "訪問"));

        Assert.Equal("休止中の機関には新しく役割を割り当てられません。", Assert.Single(inactive.Errors).Message);
        Assert.Equal("AgencyId", Assert.Single(unknown.Errors).Field);
        Assert.Empty((await plans.PlansAsync(_caseId)).Single().Assignments);
    }

    [Fact]
    public async Task TwoPeopleEditingTheSameDraft_SecondIsAConflict_TheFirstIsKept()
    {
        var planId = await DraftAsync();
        await using var first = _harness.As(TestUsers.Coordinator());
        await using var second = _harness.As(TestUsers.Principal("u-sv", "野口 健", null, JusoRoles.Supervisor));
        var seen = (await _harness.Get<PlanService>(first).PlansAsync(_caseId)).Single();

        var a = await _harness.Get<PlanService>(first).AddAssignmentAsync(_caseId, planId, seen.Version, Assignment(_lead.Id, "家計相談"));
        var b = await _harness.Get<PlanService>(second).AddAssignmentAsync(_caseId, planId, seen.Version, Assignment(_partner.Id, "見守り"));

        Assert.True(a.Succeeded);
        Assert.Equal(SaveStatus.Conflict, b.Status);
        Assert.Equal("家計相談", Assert.Single((await _harness.Get<PlanService>(first).PlansAsync(_caseId)).Single().Assignments).Task);
    }

    [Fact]
    public async Task SameAssignmentEditedTwice_FromOneVersion_SecondIsAConflict_ButOtherAssignmentsAreIndependent()
    {
        var planId = await DraftAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);
        Ok(await plans.AddAssignmentAsync(_caseId, planId, (await plans.PlansAsync(_caseId)).Single().Version, Assignment(_lead.Id, "家計相談")));
        Ok(await plans.AddAssignmentAsync(_caseId, planId, (await plans.PlansAsync(_caseId)).Single().Version, Assignment(_partner.Id, "見守り")));
        var seen = (await plans.PlansAsync(_caseId)).Single().Assignments;

        var one = await plans.UpdateAssignmentAsync(_caseId, planId, seen[0].Id, seen[0].Version, Assignment(_lead.Id, "家計相談（週1回）"));
        var other = await plans.UpdateAssignmentAsync(_caseId, planId, seen[1].Id, seen[1].Version, Assignment(_partner.Id, "見守り（月2回）"));
        var stale = await plans.UpdateAssignmentAsync(_caseId, planId, seen[0].Id, seen[0].Version, Assignment(_lead.Id, "上書きしようとする"));

        Assert.True(one.Succeeded);
        Assert.True(other.Succeeded);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        var now = (await plans.PlansAsync(_caseId)).Single().Assignments;
        Assert.Equal(["家計相談（週1回）", "見守り（月2回）"], now.Select(x => x.Task));
    }

    [Fact]
    public async Task AgencyMember_CannotAddAnotherAgencyToThePlan()
    {
        var planId = await DraftAsync();
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            Ok(await _harness.Get<CaseService>(coordinator).InvolveAgencyAsync(_caseId, await CaseVersionAsync(), _lead.Id));
        }
        await using var scope = _harness.As(TestUsers.MemberOf(_lead.Id));
        var plans = _harness.Get<PlanService>(scope);
        var version = (await plans.PlansAsync(_caseId)).Single().Version;

        var result = await plans.AddAssignmentAsync(_caseId, planId, version, Assignment(_partner.Id, "見守り"));

        Assert.Equal(SaveStatus.NotFound, result.Status);
        await using var db = _harness.NewContext();
        Assert.False(await db.CaseAgencies.AnyAsync(a => a.SupportCaseId == _caseId && a.AgencyId == _partner.Id));
    }

    [Fact]
    public async Task StartPlanning_WithoutAssessment_IsRefusedWithAReason()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var coordination = _harness.Get<CoordinationService>(scope);
        Ok(await coordination.StartAssessmentAsync(_caseId, await CaseVersionAsync()));

        var result = await coordination.StartPlanningAsync(_caseId, await CaseVersionAsync());

        Assert.Equal("アセスメントを記録してからプラン作成に進んでください。", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task OverdueMonitoring_IsListed_UntilAReviewSetsTheNextDate()
    {
        var planId = await ApprovedPlanAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);
        Ok(await plans.StartSupportAsync(_caseId, await CaseVersionAsync(), planId, new DateTime(2026, 11, 23), new DateTime(2026, 11, 25)));
        var monitoring = _harness.Get<MonitoringService>(scope);

        _harness.Time.Advance(TimeSpan.FromDays(10));
        var due = Assert.Single((await monitoring.DueAsync()).Items);
        Assert.Equal(8, due.DaysOverdue);

        var active = (await plans.PlansAsync(_caseId)).Single();
        var review = await monitoring.RecordAsync(_caseId, planId, active.Version, new MonitoringForm
        {
            ReviewedOn = new DateTime(2026, 12, 3), Findings = "家計相談を継続中", NextDueOn = new DateTime(2027, 2, 1),
            GoalProgress = { [active.Goals[0].Id] = Juso.Domain.Monitoring.GoalProgress.Progressing },
        });

        Ok(review);
        Assert.Empty((await monitoring.DueAsync()).Items);
        var recorded = Assert.Single(await monitoring.ReviewsAsync(_caseId));
        Assert.Equal(new DateOnly(2026, 11, 25), recorded.DueOn);
        Assert.Equal(new DateOnly(2027, 2, 1), (await plans.PlansAsync(_caseId)).Single().NextMonitoringDue);
    }

    [Fact]
    public async Task MonitoringDateBeforePlanStart_IsRefused()
    {
        var planId = await ApprovedPlanAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);

        var result = await plans.StartSupportAsync(_caseId, await CaseVersionAsync(), planId, new DateTime(2026, 11, 23), new DateTime(2026, 11, 1));

        Assert.Equal("モニタリング予定日は計画の開始日以降の日付を入力してください。", Assert.Single(result.Errors).Message);
        Assert.Equal(PlanStatus.Approved, (await plans.PlansAsync(_caseId)).Single().Status);
    }

    /// <summary>A draft with goals, a lead and one assignment, approved on 23 November.</summary>
    private async Task<int> ApprovedPlanAsync()
    {
        var planId = await DraftAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);
        var plan = await ReviseAsync(plans, (await plans.PlansAsync(_caseId)).Single());
        Ok(await plans.AddAssignmentAsync(_caseId, planId, plan.Version, Assignment(_lead.Id, "家計相談")));
        Ok(await new CaseSteps(_harness).ApproveAtMeetingAsync(_caseId));
        return planId;
    }

    private async Task<int> DraftAsync()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var coordination = _harness.Get<CoordinationService>(scope);
        Ok(await coordination.StartAssessmentAsync(_caseId, await CaseVersionAsync()));
        Ok(await coordination.RecordAssessmentAsync(_caseId, new AssessmentDetails("状況", null, null, null, null, null, null, null, [], [])));
        Ok(await coordination.StartPlanningAsync(_caseId, await CaseVersionAsync()));
        return Ok(await _harness.Get<PlanService>(scope).CreateDraftAsync(_caseId)).Id;
    }

    private async Task<PlanView> ReviseAsync(PlanService plans, PlanView plan)
    {
        var form = new PlanDraftForm
        {
            Goals = [new GoalForm { Term = GoalTerm.LongTerm, Text = "家計が安定し、母と長男が地域で暮らし続ける" }, new GoalForm { Term = GoalTerm.ShortTerm, Text = "滞納を解消する" }],
            LeadAgencyId = _lead.Id,
            UsesParticipationSupport = true,
            MonitoringIntervalDays = 60,
        };
        Ok(await plans.ReviseDraftAsync(_caseId, plan.Id, plan.Version, form));
        return (await plans.PlansAsync(_caseId)).Single();
    }

    private static AssignmentForm Assignment(int agencyId, string task) => new()
    {
        AgencyId = agencyId, PersonInCharge = "担当者", Task = task, Frequency = "月1回", Status = AssignmentStatus.Planned, StartOn = new DateTime(2026, 11, 23),
    };

    private async Task<int> CaseVersionAsync()
    {
        await using var db = _harness.NewContext();
        return await db.Cases.Where(c => c.Id == _caseId).Select(c => c.Version).SingleAsync();
    }

    private static SaveResult Ok(SaveResult result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result;
    }
}
