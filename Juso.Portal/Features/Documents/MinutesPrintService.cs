using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;

namespace Juso.Portal.Features.Documents;

public sealed record MinutesPrintView(int MeetingId, MinutesDocumentModel Document, string Html, bool CanChooseMasking);

/// <summary>
/// 議事録 as PDF, from the same committed board state the minutes page shows: only members who may see the board
/// (a 支援会議 after the pledge) print it; the chair may print names or initials; every preview and print is audited.
/// </summary>
public sealed class MinutesPrintService(BoardSnapshots snapshots, CurrentUser currentUser, AuditLog audit, IDocumentRenderer renderer,
    DocumentOptions options, TimeProvider time)
{
    public async Task<MinutesPrintView?> PreviewAsync(int meetingId, bool? maskNames)
    {
        var (user, document, canChoose, caseIds) = await LoadAsync(meetingId, maskNames);
        if (document is null)
        {
            return null;
        }
        var html = await renderer.RenderHtmlAsync(document);
        await audit.WriteAsync(user, AuditAction.DocumentPreviewed, detail: $"{document.Title}（会議 {meetingId}）", caseIds: caseIds);
        return new MinutesPrintView(meetingId, document, html, canChoose);
    }

    public async Task<PrintedFile> PrintAsync(int meetingId, bool? maskNames, CancellationToken cancellationToken = default)
    {
        var (user, document, _, caseIds) = await LoadAsync(meetingId, maskNames);
        if (document is null)
        {
            return PrintedFile.Failed("対象が見つからないか、閲覧する権限がありません。");
        }
        try
        {
            var pdf = await renderer.RenderPdfAsync(document, cancellationToken);
            await audit.WriteAsync(user, AuditAction.DocumentPrinted,
                detail: $"{document.Title}（会議 {meetingId}、{(document.NamesMasked ? "氏名を伏せる" : "氏名あり")}）", caseIds: caseIds);
            return new PrintedFile(pdf, document.FileName, "application/pdf", null);
        }
        catch (DocumentUnavailableException ex)
        {
            return PrintedFile.Failed(ex.Message);
        }
    }

    private async Task<(UserContext User, MinutesDocumentModel? Document, bool CanChooseMasking, IReadOnlyList<int> CaseIds)> LoadAsync(int meetingId, bool? maskNames)
    {
        var user = await currentUser.GetAsync();
        var board = await snapshots.GetAsync(meetingId);
        if (board is null || BoardSnapshots.AccessOf(board, user.UserId) != MeetingAccess.Allowed)
        {
            if (board is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"議事録の印刷（会議 {meetingId}）");
            }
            return (user, null, false, []);
        }
        var canChoose = board.ChairUserId == user.UserId;
        var masked = canChoose && maskNames is { } choice ? choice : board.MasksNames;
        var document = new MinutesDocumentModel
        {
            Municipality = options.Municipality,
            PrintedAt = JapanDate.InJapan(time.GetUtcNow()),
            Kind = board.Kind,
            Cadence = board.Cadence,
            ScheduledAt = JapanDate.FromUtc(board.ScheduledAt),
            Reference = board.Reference,
            Place = board.Place,
            ChairName = board.ChairName,
            ApprovedAt = board.MinutesApprovedAt is { } at ? JapanDate.FromUtc(at) : null,
            NamesMasked = masked,
            Attendance = board.Members.Select(m => new MinutesAttendanceLine(m.Name, m.AgencyName, m.IsChair, m.Attended)).ToList(),
            Items = board.Items.Select(i => new MinutesItemLine(
                i.Order, i.Topic is null ? i.CaseNumber : "検討テーマ", i.Topic?.Title ?? i.Household(masked), i.Purpose.Label(), i.Outcome.Label(), CapturedLines(i),
                i.Decisions.Select(d => d.Text).ToList(),
                i.MinutesAssignments(board.IsMinutesApproved),
                i.ActionItems.Select(a => new MinutesActionLine(a.Text, a.OwnerPerson is null ? a.OwnerAgencyName : $"{a.OwnerAgencyName}（{a.OwnerPerson}）", a.DueOn)).ToList())
                { Topic = i.Topic })
                .ToList(),
        };
        return (user, document, canChoose, board.CaseIds);
    }

    private static List<string> CapturedLines(BoardItem item)
    {
        if (!CapturedOutcome.Applies(item.Outcome))
        {
            return [];
        }
        var c = item.Captured;
        IEnumerable<string?> lines = item.Outcome switch
        {
            AgendaOutcome.ClosureEvaluated => [Line("評価", c.ClosureEvaluation), Line("終結の理由", c.ClosureReason), Line("伴走する主担当機関", c.CarryingOnAgencyName)],
            AgendaOutcome.HandedBack => [Line("戻す理由", c.HandBackReason)],
            _ => [Line("所見", c.Findings), Line("次回のモニタリング予定日", c.NextMonitoringDue is { } due ? JapaneseFormat.Date(due) : null),
                ..c.Goals.Select(g => Line($"目標「{g.GoalText}」", $"{g.Progress.Label()}{(g.Note is null ? string.Empty : $"（{g.Note}）")}")),
                ..c.Assignments.Select(a => Line($"役割「{a.AgencyName}（{a.Task}）」", a.Note))],
        };
        return lines.OfType<string>().ToList();
    }

    private static string? Line(string label, string? value) => value is null ? null : $"{label}: {value}";
}
