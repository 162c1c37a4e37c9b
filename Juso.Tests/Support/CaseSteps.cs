using Juso.Domain.Assessments;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Meetings;
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
        Ok(await ApproveAtMeetingAsync(caseId));
        Ok(await plans.StartSupportAsync(caseId, await CaseVersionAsync(caseId), planId, new DateTime(2026, 11, 23), monitoringDue));
        return planId;
    }

    /// <summary>The chair's user (with a staff record of an active agency, as the meeting's chair must be), unless the test made one.</summary>
    private async Task EnsureChairAsync()
    {
        await using var db = harness.NewContext();
        if (await db.Users.AnyAsync(u => u.Id == "u-chair"))
        {
            return;
        }
        var agency = await harness.AddAgencyAsync("福祉総合相談課");
        var staff = Juso.Domain.Agencies.Staff.Create(agency, "石田 美穂", "イシダ ミホ", null, harness.Time.GetUtcNow());
        db.Staff.Add(staff);
        await db.SaveChangesAsync();
        db.Users.Add(new Juso.Infrastructure.Identity.JusoUser
        {
            Id = "u-chair", UserName = "u-chair", NormalizedUserName = "U-CHAIR", DisplayName = "石田 美穂", StaffId = staff.Id,
            CreatedAt = harness.Time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The case's draft approved as a plan is: at a meeting, here an ad hoc one held on 23 November at 9:00 and chaired by
    /// u-chair (a 重層的支援会議 with consent, a 支援会議 without), whose minutes the chair approves.
    /// </summary>
    public async Task<SaveResult> ApproveAtMeetingAsync(int caseId)
    {
        Juso.Domain.Cases.ConsentStatus? consent;
        string number;
        await using (var db = harness.NewContext())
        {
            var supportCase = await db.Cases.SingleAsync(c => c.Id == caseId);
            (consent, number) = (supportCase.CurrentConsent, supportCase.Number);
        }
        var kind = consent == Juso.Domain.Cases.ConsentStatus.Obtained ? MeetingKind.MultiLayered : MeetingKind.Support;
        await EnsureChairAsync();
        await using var chair = harness.As(TestUsers.Chair());
        var meetings = harness.Get<MeetingService>(chair);
        var meetingId = Ok(await meetings.ScheduleAsync(new MeetingForm
        {
            Kind = kind, Cadence = MeetingCadence.AdHoc, Date = new DateTime(2026, 11, 23), Time = new TimeSpan(9, 0, 0),
            Chair = new MemberOption("u-chair", "石田 美穂", null, null),
        })).Id;
        await using (var coordinator = harness.As(TestUsers.Coordinator()))
        {
            Ok(await harness.Get<MeetingService>(coordinator).AddAgendaItemAsync(meetingId, new AgendaItemForm
            {
                Case = new CaseOption(caseId, number, "本人", consent == Juso.Domain.Cases.ConsentStatus.Obtained), Purpose = AgendaPurpose.PlanProposal, Minutes = 15,
            }));
        }
        if (kind == MeetingKind.Support)
        {
            Ok(await meetings.PledgeAsync(meetingId));
        }
        var board = harness.Get<MeetingBoardService>(chair);
        Ok(await board.ConcludeAsync(meetingId, (await board.OpenAsync(meetingId)).Board!.Items[0].Id, AgendaOutcome.PlanApproved));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        return await board.ApproveMinutesAsync(meetingId);
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
