using Juso.Domain.Agencies;
using Juso.Domain.Common;

namespace Juso.Domain.Plans;

/// <summary>What a draft says (goals, lead agency, settings) and who does what (role assignments).</summary>
public partial class SupportPlan
{
    /// <summary>Rewrites the draft's goals and settings in one step (all or nothing).</summary>
    public void ReviseDraft(IReadOnlyList<GoalDetails> goals, Agency? leadAgency, bool usesParticipationSupport, bool usesOutreach, int monitoringIntervalDays, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "目標や主担当機関は案のうちに変更できます。");
        var check = new RuleCheck()
            .Require(goals.Count <= MaxGoals, nameof(Goals), $"目標は{MaxGoals}件までです。")
            .Require(leadAgency is null || leadAgency.IsActive || leadAgency.Id == LeadAgencyId, nameof(LeadAgencyId), "休止中の機関は主担当にできません。")
            .Require(monitoringIntervalDays is >= MinMonitoringIntervalDays and <= MaxMonitoringIntervalDays, nameof(MonitoringIntervalDays),
                $"モニタリングの間隔は{MinMonitoringIntervalDays}日から{MaxMonitoringIntervalDays}日の間で入力してください。");
        for (var i = 0; i < goals.Count; i++)
        {
            check.RequireText(goals[i].Text, $"{nameof(Goals)}[{i}].Text", $"{goals[i].Term.Label()}", Goal.TextMaxLength)
                .Require(Enum.IsDefined(goals[i].Term), $"{nameof(Goals)}[{i}].Term", "目標の種類（長期・短期）を選択してください。");
        }
        check.ThrowIfAny();

        _goals.Clear();
        _goals.AddRange(goals.Select((g, i) => new Goal(g.Term, g.Text!.Trim(), i + 1)));
        LeadAgencyId = leadAgency?.Id;
        UsesParticipationSupport = usesParticipationSupport;
        UsesOutreach = usesOutreach;
        MonitoringIntervalDays = monitoringIntervalDays;
        Touch(now);
    }

    public RoleAssignment AddAssignment(AssignmentDetails details, Agency? agency, DateTimeOffset now)
    {
        EnsureAssignmentsEditable();
        if (_assignments.Count >= MaxAssignments)
        {
            throw new DomainException($"役割分担は{MaxAssignments}件までです。", nameof(Assignments));
        }
        var assignment = RoleAssignment.From(details, agency, string.Empty);
        _assignments.Add(assignment);
        Touch(now);
        return assignment;
    }

    /// <summary>Changes one assignment. The plan itself is not touched: the assignment's own version guards it.</summary>
    public void UpdateAssignment(int assignmentId, AssignmentDetails details, Agency? agency)
    {
        EnsureAssignmentsEditable();
        FindAssignment(assignmentId).Apply(details, agency, string.Empty);
    }

    public void RemoveAssignment(int assignmentId, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "承認後の役割分担は削除せず、状況を「中止」にしてください。");
        _assignments.Remove(FindAssignment(assignmentId));
        Touch(now);
    }

    private RoleAssignment FindAssignment(int assignmentId) =>
        _assignments.FirstOrDefault(a => a.Id == assignmentId)
        ?? throw new DomainException("この役割分担は見つかりません。画面を再読み込みしてください。", nameof(Assignments));

    private void EnsureAssignmentsEditable()
    {
        if (Status is PlanStatus.Evaluated or PlanStatus.Stopped)
        {
            throw new DomainException($"「{Status.Label()}」のプランの役割分担は変更できません。", nameof(Assignments));
        }
    }
}
