using Juso.Domain.Monitoring;

namespace Juso.Domain.Meetings;

/// <summary>What the board captures for a monitoring (継続 / 見直し), so that the minutes can record the review without re-typing.</summary>
public sealed record MonitoringCapture(string? Findings, DateOnly? NextDueOn, IReadOnlyList<GoalReviewDetails> Goals, IReadOnlyList<AssignmentReviewDetails> Assignments);

/// <summary>What the board captures for 終結を評価: the evaluation, the reason and the agency that carries on (null: the current lead).</summary>
public sealed record ClosureCapture(string? Evaluation, string? Reason, int? CarryingOnAgencyId);

/// <summary>One goal as the meeting reviewed it.</summary>
public class CapturedGoal
{
    protected CapturedGoal()
    {
    }

    public CapturedGoal(int goalId, GoalProgress progress, string? note)
    {
        GoalId = goalId;
        Progress = progress;
        Note = note;
    }

    public int GoalId { get; private set; }

    public GoalProgress Progress { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>One role assignment as the meeting reviewed it (its status is edited on the board itself).</summary>
public class CapturedAssignment
{
    protected CapturedAssignment()
    {
    }

    public CapturedAssignment(int assignmentId, string? note)
    {
        AssignmentId = assignmentId;
        Note = note;
    }

    public int AssignmentId { get; private set; }

    public string? Note { get; private set; }
}
