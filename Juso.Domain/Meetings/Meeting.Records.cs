using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Monitoring;

namespace Juso.Domain.Meetings;

/// <summary>What the board records for each item: its outcome and captures, decisions and 対応事項.</summary>
public partial class Meeting
{
    public void Conclude(int itemId, AgendaOutcome outcome, DateTimeOffset now)
    {
        EnsureOpen();
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("結論を選択してください。", nameof(AgendaItem.Outcome));
        }
        var item = FindItem(itemId);
        if (!item.IsCase && outcome != AgendaOutcome.None)
        {
            throw new DomainException(TopicHasNoOutcomeMessage, nameof(AgendaItem.Outcome));
        }
        item.Conclude(outcome);
        // Every board edit moves the meeting, so that an edit made from a view older than the approval of the minutes fails.
        Touch(now);
    }

    /// <summary>Captures a monitoring (継続 / 見直し) for the minutes to record as a review; replaces what was captured before.</summary>
    public void CaptureMonitoring(int itemId, MonitoringCapture capture, DateTimeOffset now)
    {
        EnsureOpen();
        var item = FindCaseItem(itemId);
        var check = new RuleCheck()
            .RequireText(capture.Findings, nameof(AgendaItem.Findings), "所見", MonitoringReview.TextMaxLength)
            .Require(capture.NextDueOn is null || capture.NextDueOn > HeldOn, nameof(AgendaItem.NextMonitoringDue), "次回のモニタリング予定日は会議の日より後の日付を入力してください。")
            .Require(capture.Goals.All(g => Enum.IsDefined(g.Progress)), nameof(AgendaItem.CapturedGoals), "目標の進み具合を選択してください。");
        for (var i = 0; i < capture.Goals.Count; i++)
        {
            check.OptionalText(capture.Goals[i].Note, $"{nameof(AgendaItem.CapturedGoals)}[{i}].Note", "目標の振り返り", MonitoringReview.TextMaxLength);
        }
        for (var i = 0; i < capture.Assignments.Count; i++)
        {
            check.OptionalText(capture.Assignments[i].Note, $"{nameof(AgendaItem.CapturedAssignments)}[{i}].Note", "役割の振り返り", MonitoringReview.TextMaxLength);
        }
        check.ThrowIfAny();
        item.Capture(capture);
        Touch(now);
    }

    /// <summary>Captures the evaluation for 終結を評価, with which the minutes close the case.</summary>
    public void CaptureClosure(int itemId, ClosureCapture capture, DateTimeOffset now)
    {
        EnsureOpen();
        var item = FindCaseItem(itemId);
        new RuleCheck()
            .RequireText(capture.Evaluation, nameof(AgendaItem.ClosureEvaluation), "支援の経過と成果の評価", SupportCase.EvaluationMaxLength)
            .RequireText(capture.Reason, nameof(AgendaItem.ClosureReason), "終結の理由", SupportCase.ReasonMaxLength)
            .ThrowIfAny();
        item.Capture(capture);
        Touch(now);
    }

    /// <summary>Captures why the case goes back to 包括的相談支援.</summary>
    public void CaptureHandBack(int itemId, string? reason, DateTimeOffset now)
    {
        EnsureOpen();
        var item = FindCaseItem(itemId);
        new RuleCheck().RequireText(reason, nameof(AgendaItem.HandBackReason), "戻す理由", SupportCase.ReasonMaxLength).ThrowIfAny();
        item.CaptureHandBack(reason!);
        Touch(now);
    }

    public Decision RecordDecision(int itemId, string? text, DateTimeOffset now)
    {
        EnsureOpen();
        FindItem(itemId);
        CheckDecision(text);
        var decision = new Decision(itemId, text!.Trim(), now);
        _decisions.Add(decision);
        Touch(now);
        return decision;
    }

    /// <summary>Rewords a decision; guarded by the decision's own version, so the meeting itself is not touched.</summary>
    public void ReviseDecision(int decisionId, string? text, DateTimeOffset now)
    {
        EnsureOpen();
        var decision = _decisions.FirstOrDefault(d => d.Id == decisionId) ?? throw new DomainException("この決定事項は見つかりません。画面を再読み込みしてください。");
        CheckDecision(text);
        decision.Revise(text!.Trim());
        Touch(now);
    }

    public void RemoveDecision(int decisionId, DateTimeOffset now)
    {
        EnsureOpen();
        _decisions.Remove(_decisions.FirstOrDefault(d => d.Id == decisionId) ?? throw new DomainException("この決定事項は見つかりません。画面を再読み込みしてください。"));
        Touch(now);
    }

    public ActionItem AddActionItem(int itemId, ActionItemDetails details, DateTimeOffset now)
    {
        EnsureOpen();
        FindItem(itemId);
        CheckActionItem(details, now);
        var action = new ActionItem(itemId);
        action.Apply(details);
        _actionItems.Add(action);
        Touch(now);
        return action;
    }

    public void ReviseActionItem(int actionItemId, ActionItemDetails details, DateTimeOffset now)
    {
        EnsureOpen();
        var action = FindActionItem(actionItemId);
        CheckActionItem(details, now);
        action.Apply(details);
        Touch(now);
    }

    public void RemoveActionItem(int actionItemId, DateTimeOffset now)
    {
        EnsureOpen();
        _actionItems.Remove(FindActionItem(actionItemId));
        Touch(now);
    }

    /// <summary>
    /// Marks an action item done. Allowed also after the minutes are approved: the task outlives the meeting, and the
    /// meeting's own version does not move (only the action item's).
    /// </summary>
    public void CompleteActionItem(int actionItemId, ActionItemSettler settler, SupportCase supportCase, DateTimeOffset now) =>
        CaseActionItemFor(actionItemId, settler, supportCase).Complete(settler, now);

    /// <summary>Marks a done action item open again (done by mistake, or not done after all).</summary>
    public void ReopenActionItem(int actionItemId, ActionItemSettler settler, SupportCase supportCase) =>
        CaseActionItemFor(actionItemId, settler, supportCase).Reopen();

    /// <summary>Marks done an action item of a 検討テーマ or lead item (no case), as <see cref="CompleteActionItem"/> does for a case.</summary>
    public void CompleteActionItemWithoutCase(int actionItemId, ActionItemSettler settler, DateTimeOffset now) =>
        ActionItemWithoutCaseFor(actionItemId, settler).Complete(settler, now);

    public void ReopenActionItemWithoutCase(int actionItemId, ActionItemSettler settler) =>
        ActionItemWithoutCaseFor(actionItemId, settler).Reopen();

    /// <summary>The case an action item is for: the case of its agenda item (null for a topic item).</summary>
    public int? CaseOf(ActionItem actionItem) => FindItem(actionItem.AgendaItemId).SupportCaseId;

    public const string TopicHasNoOutcomeMessage = "検討テーマの議題にはケースの結論を記録できません。決定事項・対応事項として記録してください。";

    /// <summary>The item of a case, for what only a case has (monitoring, closure, hand-back, role assignments).</summary>
    public AgendaItem FindCaseItem(int itemId)
    {
        var item = FindItem(itemId);
        return item.IsCase ? item : throw new DomainException(TopicHasNoOutcomeMessage, nameof(AgendaItem.Outcome));
    }

    private ActionItem CaseActionItemFor(int actionItemId, ActionItemSettler settler, SupportCase supportCase)
    {
        var action = FindActionItem(actionItemId);
        if (CaseOf(action) != supportCase.Id)
        {
            throw new DomainException("この対応事項は別のケースのものです。");
        }
        if (!action.MayBeSettledBy(settler, supportCase))
        {
            throw new DomainException("対応事項の完了・未完了を変更できるのは、担当機関の職員とケースの担当者だけです。", nameof(ActionItem.CompletedAt));
        }
        return action;
    }

    private ActionItem ActionItemWithoutCaseFor(int actionItemId, ActionItemSettler settler)
    {
        var action = FindActionItem(actionItemId);
        if (CaseOf(action) is not null)
        {
            throw new DomainException("この対応事項はケースの議題のものです。");
        }
        if (!ActionItem.MayBeSettledWithoutCaseBy(settler, action.OwnerAgencyId, ChairUserId))
        {
            throw new DomainException("対応事項の完了・未完了を変更できるのは、担当機関の職員と会議の議長だけです。", nameof(ActionItem.CompletedAt));
        }
        return action;
    }

    private ActionItem FindActionItem(int actionItemId) =>
        _actionItems.FirstOrDefault(a => a.Id == actionItemId) ?? throw new DomainException("この対応事項は見つかりません。画面を再読み込みしてください。");

    private static void CheckDecision(string? text) =>
        new RuleCheck().RequireText(text, nameof(Decision.Text), "決定事項", Decision.TextMaxLength).ThrowIfAny();

    private void CheckActionItem(ActionItemDetails details, DateTimeOffset now) =>
        new RuleCheck()
            .RequireText(details.Text, nameof(ActionItem.Text), "対応事項の内容", ActionItem.TextMaxLength)
            .Require(details.OwnerAgencyId is not null, nameof(ActionItem.OwnerAgencyId), "対応事項の担当機関を選択してください。")
            .OptionalText(details.OwnerPerson, nameof(ActionItem.OwnerPerson), "担当者", ActionItem.PersonMaxLength)
            .Require(details.DueOn is not null, nameof(ActionItem.DueOn), "対応事項の期限を入力してください。")
            .Require(details.DueOn is null || details.DueOn >= HeldOn, nameof(ActionItem.DueOn), "期限は会議の日以降にしてください。")
            .Require(details.DueOn is null || details.DueOn >= JapanDate.Today(now), nameof(ActionItem.DueOn), "期限に過去の日付は指定できません。")
            .ThrowIfAny();
}
