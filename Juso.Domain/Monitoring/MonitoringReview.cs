using Juso.Domain.Common;
using Juso.Domain.Plans;

namespace Juso.Domain.Monitoring;

/// <summary>How a goal has moved since the last review.</summary>
public enum GoalProgress
{
    Achieved,
    Progressing,
    Unchanged,
    Worsened,
}

public static class MonitoringLabels
{
    public static string Label(this GoalProgress progress) => progress switch
    {
        GoalProgress.Achieved => "達成",
        GoalProgress.Progressing => "進展あり",
        GoalProgress.Unchanged => "変化なし",
        GoalProgress.Worsened => "悪化",
        _ => progress.ToString(),
    };
}

public sealed record GoalReviewDetails(int GoalId, GoalProgress Progress, string? Note);

public sealed record AssignmentReviewDetails(int AssignmentId, string? Note);

public sealed record MonitoringDetails(DateOnly? ReviewedOn, string? Findings, IReadOnlyList<GoalReviewDetails> Goals, IReadOnlyList<AssignmentReviewDetails> Assignments, DateOnly? NextDueOn);

/// <summary>
/// モニタリング: a review of an active plan, per goal and per role assignment, that sets when the next one is due.
/// </summary>
public class MonitoringReview : AggregateRoot
{
    public const int TextMaxLength = 2000;

    private readonly List<GoalReview> _goals = [];
    private readonly List<AssignmentReview> _assignments = [];

    protected MonitoringReview()
    {
        Findings = string.Empty;
        ReviewedByName = string.Empty;
    }

    public int SupportCaseId { get; private set; }

    public int SupportPlanId { get; private set; }

    /// <summary>The due date this review answered (null when done before anything was due).</summary>
    public DateOnly? DueOn { get; private set; }

    public DateOnly ReviewedOn { get; private set; }

    public string Findings { get; private set; }

    public DateOnly NextDueOn { get; private set; }

    public string ReviewedByName { get; private set; }

    public IReadOnlyList<GoalReview> Goals => _goals;

    public IReadOnlyList<AssignmentReview> Assignments => _assignments;

    /// <summary>Records a review of <paramref name="plan"/> and moves the plan's next due date.</summary>
    public static MonitoringReview Record(SupportPlan plan, MonitoringDetails details, Actor actor, DateTimeOffset now)
    {
        if (plan.Status != PlanStatus.Active)
        {
            throw new DomainException($"モニタリングは実施中のプランに対して行います（このプランは「{plan.Status.Label()}」です）。");
        }
        var today = JapanDate.Today(now);
        var check = new RuleCheck()
            .Require(details.ReviewedOn is not null, nameof(ReviewedOn), "実施日を入力してください。")
            .Require(details.ReviewedOn is null || details.ReviewedOn <= today, nameof(ReviewedOn), "実施日に未来の日付は入力できません。")
            .Require(details.ReviewedOn is null || plan.StartOn is null || details.ReviewedOn >= plan.StartOn, nameof(ReviewedOn), "実施日はプランの開始日以降の日付を入力してください。")
            .RequireText(details.Findings, nameof(Findings), "所見", TextMaxLength)
            .Require(details.NextDueOn is not null, nameof(NextDueOn), "次回のモニタリング予定日を入力してください。")
            .Require(details.NextDueOn is null || details.ReviewedOn is null || details.NextDueOn > details.ReviewedOn, nameof(NextDueOn), "次回予定日は実施日より後の日付を入力してください。")
            .Require(details.Goals.All(g => plan.Goals.Any(x => x.Id == g.GoalId)), nameof(Goals), "このプランにない目標が含まれています。画面を再読み込みしてください。")
            .Require(details.Goals.All(g => Enum.IsDefined(g.Progress)), nameof(Goals), "目標の進み具合を選択してください。")
            .Require(details.Assignments.All(a => plan.Assignments.Any(x => x.Id == a.AssignmentId)), nameof(Assignments), "このプランにない役割分担が含まれています。画面を再読み込みしてください。");
        for (var i = 0; i < details.Goals.Count; i++)
        {
            check.OptionalText(details.Goals[i].Note, $"{nameof(Goals)}[{i}].Note", "目標の振り返り", TextMaxLength);
        }
        for (var i = 0; i < details.Assignments.Count; i++)
        {
            check.OptionalText(details.Assignments[i].Note, $"{nameof(Assignments)}[{i}].Note", "役割の振り返り", TextMaxLength);
        }
        check.ThrowIfAny();

        var review = new MonitoringReview
        {
            SupportCaseId = plan.SupportCaseId,
            SupportPlanId = plan.Id,
            DueOn = plan.NextMonitoringDue,
            ReviewedOn = details.ReviewedOn!.Value,
            Findings = details.Findings!.Trim(),
            NextDueOn = details.NextDueOn!.Value,
            ReviewedByName = actor.Name,
        };
        review._goals.AddRange(details.Goals.Select(g => new GoalReview(g.GoalId, g.Progress, RuleCheck.Clean(g.Note))));
        review._assignments.AddRange(details.Assignments.Select(a => new AssignmentReview(a.AssignmentId, RuleCheck.Clean(a.Note))));
        plan.ScheduleNextMonitoring(review.NextDueOn, now);
        review.MarkCreated(now);
        return review;
    }
}

public class GoalReview : Entity
{
    protected GoalReview()
    {
    }

    internal GoalReview(int goalId, GoalProgress progress, string? note)
    {
        GoalId = goalId;
        Progress = progress;
        Note = note;
    }

    public int MonitoringReviewId { get; private set; }

    public int GoalId { get; private set; }

    public GoalProgress Progress { get; private set; }

    public string? Note { get; private set; }
}

public class AssignmentReview : Entity
{
    protected AssignmentReview()
    {
    }

    internal AssignmentReview(int assignmentId, string? note)
    {
        AssignmentId = assignmentId;
        Note = note;
    }

    public int MonitoringReviewId { get; private set; }

    public int AssignmentId { get; private set; }

    public string? Note { get; private set; }
}
