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
}
