using Juso.Domain.Meetings;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Meetings;

/// <summary>Live boards: a saved change, on the board or elsewhere, reaches the boards of the meetings it concerns.</summary>
public sealed partial class MeetingBoardTests
{
    [Fact]
    public async Task ASavedChange_ReachesEverySubscribedBoard_AfterItIsCommitted()
    {
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, await _steps.OpenAsync());
        var notifier = _harness.Services.GetRequiredService<MeetingBoardNotifier>();
        var received = new TaskCompletionSource<(BoardChange Change, int Decisions)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = notifier.Subscribe(meetingId, async change =>
        {
            if (change is null)
            {
                return;
            }
            await using var db = _harness.NewContext();
            received.TrySetResult((change, await db.Meetings.SelectMany(m => m.Decisions).CountAsync()));
        });
        await using var scope = _harness.As(Member(_partner));

        Ok(await _harness.Get<MeetingBoardService>(scope).RecordDecisionAsync(meetingId, await FirstItemAsync(meetingId), "主担当は東部包括とする"));

        var (change, decisions) = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(meetingId, change.MeetingId);
        Assert.Equal("決定事項を記録", change.Label);
        Assert.Equal(1, decisions);
    }

    [Fact]
    public async Task AHouseholdMemberRenamed_ReachesTheBoardsOfMeetingsWithThatHouseholdsCase()
    {
        var caseId = await _steps.OpenAsync(family: "山田", familyKana: "ヤマダ");
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        using var next = NextChange(meetingId);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var households = _harness.Get<Juso.Portal.Features.Cases.HouseholdService>(scope);
        await using var db = _harness.NewContext();
        var householdId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.HouseholdId).SingleAsync();
        var household = (await households.GetAsync(householdId))!;
        var form = new Juso.Portal.Features.Cases.HouseholdForm
        {
            Address = household.Address,
            Phone = household.Phone,
            Note = household.Note,
            Members = household.Members.Select(Juso.Portal.Features.Cases.MemberForm.From).ToList(),
        };
        form.Members[0].FamilyName = "川村";
        form.Members[0].FamilyNameKana = "カワムラ";

        Ok(await households.UpdateAsync(householdId, household.Version, form));

        Assert.Equal("ケースの変更", (await next.Received.WaitAsync(TimeSpan.FromSeconds(10))).Label);
        var board = (await _harness.Get<MeetingBoardService>(_harness.As(TestUsers.Chair())).OpenAsync(meetingId)).Board!;
        Assert.Contains("川村", board.Items[0].HouseholdName);
    }

    [Fact]
    public async Task APlanEditedOnTheCasePage_ReachesTheBoardsOfMeetingsWithThatCase()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        using var next = NextChange(meetingId);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);

        Ok(await plans.AddAssignmentAsync(caseId, planId, (await plans.PlansAsync(caseId)).Single().Version, Assignment(_partner.Id, "見守り")));

        Assert.Equal("ケースの変更", (await next.Received.WaitAsync(TimeSpan.FromSeconds(10))).Label);
        var board = (await _harness.Get<MeetingBoardService>(_harness.As(TestUsers.Chair())).OpenAsync(meetingId)).Board!;
        Assert.Equal(2, board.Items[0].Plan!.Assignments.Count);
    }
}
