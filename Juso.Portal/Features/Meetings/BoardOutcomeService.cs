using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using Juso.Portal.Common;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// What a member captures on the board for an item's outcome (a monitoring's findings, a closure's evaluation, the
/// reason to hand back), so that approving the minutes makes it a fact of the case without re-typing. Each capture
/// is guarded by the item's version: two members capturing the same item, the second sees the first one's.
/// </summary>
public sealed class BoardOutcomeService(MeetingWork work)
{
    public Task<SaveResult> CaptureMonitoringAsync(int meetingId, int itemId, int expectedVersion, MonitoringCaptureForm form) =>
        Capture(meetingId, itemId, expectedVersion, c =>
        {
            c.Meeting.CaptureMonitoring(itemId, form.ToCapture(), c.Now);
            return new ChangeNote("モニタリングを記録");
        });

    public Task<SaveResult> CaptureClosureAsync(int meetingId, int itemId, int expectedVersion, ClosureCaptureForm form) =>
        Capture(meetingId, itemId, expectedVersion, c =>
        {
            c.Meeting.CaptureClosure(itemId, new ClosureCapture(form.Evaluation, form.Reason, form.CarryingOnAgencyId), c.Now);
            return new ChangeNote("終結の評価を記録");
        });

    public Task<SaveResult> CaptureHandBackAsync(int meetingId, int itemId, int expectedVersion, string? reason) =>
        Capture(meetingId, itemId, expectedVersion, c =>
        {
            c.Meeting.CaptureHandBack(itemId, reason, c.Now);
            return new ChangeNote("戻す理由を記録");
        });

    private Task<SaveResult> Capture(int meetingId, int itemId, int expectedVersion, Func<MeetingChange, ChangeNote> capture) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, MeetingBoardService.OnBoard, c =>
        {
            var item = c.Meeting.Agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainException("この議題は見つかりません。画面を再読み込みしてください。");
            MeetingBoardService.Expect(c.Db.Entry(item).Property(a => a.Version), expectedVersion);
            c.CaseId = item.SupportCaseId;
            return Task.FromResult(capture(c));
        });
}

/// <summary>The board's monitoring form: findings, an optional next due date, and per goal and per role assignment a note.</summary>
public sealed class MonitoringCaptureForm
{
    public string? Findings { get; set; }

    public DateTime? NextDueOn { get; set; }

    public List<GoalCaptureForm> Goals { get; set; } = [];

    public List<AssignmentCaptureForm> Assignments { get; set; } = [];

    public MonitoringCapture ToCapture() => new(Findings, NextDueOn is { } due ? DateOnly.FromDateTime(due) : null,
        Goals.Select(g => new GoalReviewDetails(g.GoalId, g.Progress, g.Note)).ToList(),
        Assignments.Select(a => new AssignmentReviewDetails(a.AssignmentId, a.Note)).ToList());
}

public sealed class GoalCaptureForm
{
    public int GoalId { get; set; }

    public string GoalText { get; set; } = string.Empty;

    public GoalProgress Progress { get; set; } = GoalProgress.Progressing;

    public string? Note { get; set; }
}

public sealed class AssignmentCaptureForm
{
    public int AssignmentId { get; set; }

    public string Label { get; set; } = string.Empty;

    public string? Note { get; set; }
}

public sealed class ClosureCaptureForm
{
    public string? Evaluation { get; set; }

    public string? Reason { get; set; }

    public int? CarryingOnAgencyId { get; set; }
}
