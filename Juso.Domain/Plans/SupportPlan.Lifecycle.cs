using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Plans;

/// <summary>A plan's course: approved at a meeting, started, monitored, evaluated, stopped or ended.</summary>
public partial class SupportPlan
{
    /// <summary>会議で承認: needs goals, a lead agency and at least one role assignment.</summary>
    public void Approve(DateOnly approvedOn, string? note, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "承認できるのは案のプランだけです。");
        new RuleCheck()
            .Require(_goals.Count > 0, nameof(Goals), "目標を1つ以上設定してから承認してください。")
            .Require(LeadAgencyId is not null, nameof(LeadAgencyId), "主担当機関を決めてから承認してください。")
            .Require(_assignments.Count > 0, nameof(Assignments), "役割分担を1件以上設定してから承認してください。")
            .Require(approvedOn <= JapanDate.Today(now), nameof(ApprovedOn), "承認日に未来の日付は入力できません。")
            .OptionalText(note, nameof(ApprovalNote), "承認の記録", NoteMaxLength)
            .ThrowIfAny();
        Status = PlanStatus.Approved;
        ApprovedOn = approvedOn;
        ApprovalNote = RuleCheck.Clean(note);
        Touch(now);
    }

    /// <summary>実施中 from <paramref name="startOn"/>; the first monitoring is due on or after the start.</summary>
    public void Start(DateOnly startOn, DateOnly? firstMonitoringDue, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Approved, "実施を始められるのは承認済みのプランだけです。");
        var due = firstMonitoringDue ?? JapanDate.AddDaysWithinCalendar(startOn, MonitoringIntervalDays);
        new RuleCheck()
            .Require(ApprovedOn is null || startOn >= ApprovedOn, nameof(StartOn), "開始日は承認日以降の日付を入力してください。")
            .Require(due >= startOn, nameof(NextMonitoringDue), "モニタリング予定日は計画の開始日以降の日付を入力してください。")
            .ThrowIfAny();
        Status = PlanStatus.Active;
        StartOn = startOn;
        NextMonitoringDue = due;
        Touch(now);
    }

    /// <summary>Set by a monitoring review: when the next review is due.</summary>
    public void ScheduleNextMonitoring(DateOnly due, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Active, "モニタリングは実施中のプランに対して行います。");
        if (StartOn is { } start && due < start)
        {
            throw new DomainException("モニタリング予定日は計画の開始日以降の日付を入力してください。", nameof(NextMonitoringDue));
        }
        NextMonitoringDue = due;
        Touch(now);
    }

    public void Evaluate(string? evaluation, DateTimeOffset now)
    {
        if (Status is not (PlanStatus.Active or PlanStatus.Approved))
        {
            throw new DomainException($"「{Status.Label()}」のプランは評価できません。");
        }
        new RuleCheck().RequireText(evaluation, nameof(EndNote), "評価", NoteMaxLength).ThrowIfAny();
        Status = PlanStatus.Evaluated;
        EndedOn = JapanDate.Today(now);
        EndNote = evaluation!.Trim();
        NextMonitoringDue = null;
        Touch(now);
    }

    /// <summary>
    /// Consent withdrawn: a 支援プラン that is not yet finished stops (its signed versions stay as records);
    /// the next version will be a 世帯丸ごと支援プラン. A 世帯丸ごと支援プラン carries on.
    /// </summary>
    public bool StopForWithdrawnConsent(DateTimeOffset now)
    {
        if (Kind != PlanKind.WithConsent || Status is PlanStatus.Evaluated or PlanStatus.Stopped)
        {
            return false;
        }
        Status = PlanStatus.Stopped;
        EndedOn = JapanDate.Today(now);
        EndNote = "本人同意の撤回により停止";
        NextMonitoringDue = null;
        Touch(now);
        return true;
    }

    /// <summary>
    /// A 世帯丸ごと支援プラン draft whose person has since consented becomes a 支援プラン draft: it now goes to a
    /// 重層的支援会議 and will be printed for signature, so it is not approved on the way.
    /// </summary>
    public void ConvertToWithConsent(SupportCase supportCase, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "支援プランに切り替えられるのは案のプランだけです。");
        if (Kind != PlanKind.WholeHousehold || supportCase.Id != SupportCaseId || supportCase.CurrentConsent != ConsentStatus.Obtained)
        {
            throw new DomainException("本人同意を得ている世帯丸ごと支援プランの案だけを支援プランに切り替えられます。");
        }
        Kind = PlanKind.WithConsent;
        Touch(now);
    }

    /// <summary>
    /// The case leaves multi-agency coordination (包括的相談支援へ戻す): a plan not yet finished ends, and with it
    /// its monitoring schedule.
    /// </summary>
    public void EndForHandBack(DateTimeOffset now)
    {
        if (Status is PlanStatus.Evaluated or PlanStatus.Stopped)
        {
            return;
        }
        Status = PlanStatus.Stopped;
        EndedOn = JapanDate.Today(now);
        EndNote = "包括的相談支援へ戻したため終了";
        NextMonitoringDue = null;
        Touch(now);
    }
}
