using Juso.Domain.Meetings;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Meetings;

/// <summary>The chair's undo of an assignment or action item edit: the board's step restores the values at the version the edit left.</summary>
public sealed partial class MeetingBoardTests
{
    [Fact]
    public async Task ChairUndoesAnAssignmentEdit_TheEarlierValuesReturn_ButNotOverAMembersLaterEdit()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chairScope = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chairScope);
        var undo = new BoardUndo<Func<Task<SaveResult>>>();
        async Task<AssignmentView> AssignmentAsync() => (await board.OpenAsync(meetingId)).Board!.Items[0].Plan!.Assignments[0];
        var before = await AssignmentAsync();
        var itemId = (await board.OpenAsync(meetingId)).Board!.Items[0].Id;

        Ok(await board.UpdateAssignmentAsync(meetingId, itemId, before.Id, before.Version, Assignment(_lead.Id, "家計相談（月2回）")));
        var edited = await AssignmentAsync();
        undo.Record("役割分担の変更", () => board.UpdateAssignmentAsync(meetingId, itemId, before.Id, edited.Version, AssignmentForm.From(before)));
        Assert.True(undo.TryTakeBack(out _, out var revert));
        Ok(await revert());

        Assert.Equal(before.Task, (await AssignmentAsync()).Task);

        Ok(await board.UpdateAssignmentAsync(meetingId, itemId, before.Id, (await AssignmentAsync()).Version, Assignment(_lead.Id, "家計相談（週1回）")));
        var chairs = await AssignmentAsync();
        undo.Record("役割分担の変更", () => board.UpdateAssignmentAsync(meetingId, itemId, before.Id, chairs.Version, AssignmentForm.From(before)));
        await using var memberScope = _harness.As(Member(_partner));
        Ok(await _harness.Get<MeetingBoardService>(memberScope).UpdateAssignmentAsync(meetingId, itemId, before.Id, chairs.Version, Assignment(_partner.Id, "見守り（週1回）")));
        Assert.True(undo.TryTakeBack(out _, out var late));

        Assert.Equal(SaveStatus.Conflict, (await late()).Status);
        Assert.Equal("見守り（週1回）", (await AssignmentAsync()).Task);
    }

    [Fact]
    public async Task ChairUndo_IsCheckedAgainstTheVersionTheSaveReturned_NotTheBoardReloadedAfterIt()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chairScope = _harness.As(TestUsers.Chair());
        await using var memberScope = _harness.As(Member(_partner));
        var board = _harness.Get<MeetingBoardService>(chairScope);
        var members = _harness.Get<MeetingBoardService>(memberScope);
        async Task<AssignmentView> AssignmentAsync() => (await board.OpenAsync(meetingId)).Board!.Items[0].Plan!.Assignments[0];
        var before = await AssignmentAsync();
        var itemId = (await board.OpenAsync(meetingId)).Board!.Items[0].Id;

        // The chair's edit and its undo at the version the save returned: the earlier values come back.
        var edit = Ok(await board.UpdateAssignmentAsync(meetingId, itemId, before.Id, before.Version, Assignment(_lead.Id, "家計相談（月2回）")));
        Assert.Equal((await AssignmentAsync()).Version, edit.Version);
        Ok(await board.UpdateAssignmentAsync(meetingId, itemId, before.Id, edit.Version, AssignmentForm.From(before)));
        Assert.Equal(before.Task, (await AssignmentAsync()).Task);

        // A decision the chair recorded is taken back at the version its recording left; revised by a member since, it stays.
        var kept = Ok(await board.RecordDecisionAsync(meetingId, itemId, "主担当はくらしサポートセンター"));
        var revised = Ok(await board.RecordDecisionAsync(meetingId, itemId, "月1回の見守り"));
        Ok(await board.RemoveDecisionAsync(meetingId, kept.Id, kept.Version));
        Ok(await members.ReviseDecisionAsync(meetingId, revised.Id, revised.Version, "月2回の見守り"));
        Assert.Equal(SaveStatus.Conflict, (await board.RemoveDecisionAsync(meetingId, revised.Id, revised.Version)).Status);
        var decisions = (await board.OpenAsync(meetingId)).Board!.Items[0].Decisions;
        Assert.Equal("月2回の見守り", Assert.Single(decisions).Text);
    }
}
