using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Portal.Common;
using Juso.Portal.Features.Documents;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Meetings;

/// <summary>検討テーマ: agenda items without a case, through the real services on SQLite.</summary>
public sealed partial class MeetingBoardTests
{
    [Fact]
    public async Task ATopicBesideACase_IsOnTheBoard_TakesDecisionsAndActionItems_NotAnOutcome_AndIsInTheMinutesAndPrints()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        var meetings = _harness.Get<MeetingService>(chair);
        var invalid = await meetings.AddTopicItemAsync(meetingId, new AgendaTopicForm { TopicTitle = " ", Purpose = AgendaPurpose.Monitoring });
        Ok(await meetings.AddTopicItemAsync(meetingId, new AgendaTopicForm
        {
            TopicTitle = "夜間の移動支援が不足している", TopicDescription = "通院の送迎を頼める先がない世帯が複数ある。", Purpose = AgendaPurpose.ResourceGaps, Minutes = 20,
        }));
        Ok(await meetings.AddTopicItemAsync(meetingId, new AgendaTopicForm { TopicTitle = "8050世帯に共通する課題", Purpose = AgendaPurpose.InformationSharing }));
        var board = _harness.Get<MeetingBoardService>(chair);
        var opened = (await board.OpenAsync(meetingId)).Board!;
        var topic = opened.Items[1];

        Ok(await board.RecordDecisionAsync(meetingId, topic.Id, "移動支援を不足している社会資源として記録する"));
        Ok(await board.AddActionItemAsync(meetingId, topic.Id, new ActionItemForm
        {
            Text = "社会福祉協議会に送迎ボランティアの状況を確認する", OwnerAgencyId = _lead.Id, DueOn = new DateTime(2026, 12, 14),
        }));
        var outcome = await board.ConcludeAsync(meetingId, topic.Id, AgendaOutcome.PlanApproved);
        var assignment = await board.AddAssignmentAsync(meetingId, topic.Id, new AssignmentForm { AgencyId = _partner.Id, Task = "送迎" });
        Ok(await board.ConcludeAsync(meetingId, opened.Items[0].Id, AgendaOutcome.PlanApproved));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));
        Ok(await board.ApproveMinutesAsync(meetingId));

        Assert.Equal(SaveStatus.Invalid, invalid.Status);
        Assert.Contains(invalid.Errors, e => e.Field == "TopicTitle" && e.Message == "検討テーマを入力してください。");
        Assert.Equal([true, false, false], opened.Items.Select(i => i.IsCase));
        Assert.Equal("検討テーマ：夜間の移動支援が不足している", topic.Heading(masked: true));
        Assert.Equal([caseId], opened.CaseIds);
        Assert.Equal(Meeting.TopicHasNoOutcomeMessage, Assert.Single(outcome.Errors).Message);
        Assert.Equal(Meeting.TopicHasNoOutcomeMessage, Assert.Single(assignment.Errors).Message);
        var minutes = (await board.OpenAsync(meetingId, minutes: true)).Board!;
        Assert.True(minutes.IsMinutesApproved);
        var recorded = minutes.Items[1];
        Assert.Equal("移動支援を不足している社会資源として記録する", Assert.Single(recorded.Decisions).Text);
        Assert.Equal("社会福祉協議会に送迎ボランティアの状況を確認する", Assert.Single(recorded.ActionItems).Text);
        Assert.Equal(AgendaOutcome.None, recorded.Outcome);
        Assert.Empty(recorded.AgreedAssignments);
        await using var db = _harness.NewContext();
        Assert.Equal(Juso.Domain.Plans.PlanStatus.Approved, (await db.Plans.SingleAsync(p => p.SupportCaseId == caseId)).Status);

        var agenda = await _harness.Get<DocumentService>(chair).AgendaPreviewAsync(meetingId, null);
        var printed = await _harness.Get<MinutesPrintService>(chair).PreviewAsync(meetingId, null);
        Assert.Equal("検討テーマ：夜間の移動支援が不足している", agenda!.Document.Items[1].Household);
        var printedTopic = printed!.Document.Items[1];
        Assert.Equal("通院の送迎を頼める先がない世帯が複数ある。", printedTopic.Topic!.Description);
        Assert.Equal(["移動支援を不足している社会資源として記録する"], printedTopic.Decisions);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("夜間の移動支援が不足している"), printed.Html);
        // The audit of the minutes names the one case shown, not the topics.
        var preview = await db.AuditEntries.Where(a => a.Action == AuditAction.DocumentPreviewed).OrderBy(a => a.Id).LastAsync();
        Assert.Equal([caseId], preview.ShownCaseIds);
    }
}
