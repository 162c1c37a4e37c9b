using Juso.Domain.Assessments;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Support;

/// <summary>Takes a case through the real services to the stage a test starts from.</summary>
public sealed class CaseSteps(PortalHarness harness)
{
    public async Task<int> OpenAsync(string family = "山田", string familyKana = "ヤマダ", bool consent = true)
    {
        await using var scope = harness.As(TestUsers.Coordinator());
        var form = IntakeForms.Valid(family: family, familyKana: familyKana);
        if (!consent)
        {
            form.Consent = new ConsentForm { Status = Juso.Domain.Cases.ConsentStatus.NotObtained, Date = new DateTime(2026, 11, 20), Note = "本人と会えていない" };
        }
        return Ok(await harness.Get<IntakeService>(scope).OpenCaseAsync(form)).Id;
    }

    /// <summary>A draft plan with two goals, <paramref name="leadAgencyId"/> as lead and one assignment for it.</summary>
    public async Task<int> DraftAsync(int caseId, int leadAgencyId, bool complete = true)
    {
        await using var scope = harness.As(TestUsers.Coordinator());
        var coordination = harness.Get<CoordinationService>(scope);
        var plans = harness.Get<PlanService>(scope);
        Ok(await coordination.StartAssessmentAsync(caseId, await CaseVersionAsync(caseId)));
        Ok(await coordination.RecordAssessmentAsync(caseId, new AssessmentDetails("状況", null, null, null, null, null, null, null, [], [])));
        Ok(await coordination.StartPlanningAsync(caseId, await CaseVersionAsync(caseId)));
        var planId = Ok(await plans.CreateDraftAsync(caseId)).Id;
        if (!complete)
        {
            return planId;
        }
        var plan = (await plans.PlansAsync(caseId)).Single();
        Ok(await plans.ReviseDraftAsync(caseId, planId, plan.Version, new PlanDraftForm
        {
            Goals = [new GoalForm { Term = GoalTerm.LongTerm, Text = "家計が安定し、地域で暮らし続ける" }, new GoalForm { Term = GoalTerm.ShortTerm, Text = "滞納を解消する" }],
            LeadAgencyId = leadAgencyId,
            MonitoringIntervalDays = 60,
        }));
        Ok(await plans.AddAssignmentAsync(caseId, planId, (await plans.PlansAsync(caseId)).Single().Version, Assignment(leadAgencyId, "家計相談")));
        return planId;
    }

    /// <summary>Approved and in support since 23 November, with monitoring due on <paramref name="monitoringDue"/>.</summary>
    public async Task<int> InSupportAsync(int caseId, int leadAgencyId, DateTime monitoringDue)
    {
        var planId = await DraftAsync(caseId, leadAgencyId);
        await using var scope = harness.As(TestUsers.Coordinator());
        var plans = harness.Get<PlanService>(scope);
        Ok(await plans.ApproveAsync(caseId, planId, (await plans.PlansAsync(caseId)).Single().Version, new DateTime(2026, 11, 23), null));
        Ok(await plans.StartSupportAsync(caseId, await CaseVersionAsync(caseId), planId, new DateTime(2026, 11, 23), monitoringDue));
        return planId;
    }

    public static AssignmentForm Assignment(int agencyId, string task) => new()
    {
        AgencyId = agencyId, PersonInCharge = "担当者", Task = task, Frequency = "月1回", Status = AssignmentStatus.Planned, StartOn = new DateTime(2026, 11, 23),
    };

    public async Task<int> CaseVersionAsync(int caseId)
    {
        await using var db = harness.NewContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
    }

    public static SaveResult Ok(SaveResult result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result;
    }
}
