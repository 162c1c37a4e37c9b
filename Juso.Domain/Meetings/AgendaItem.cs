using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Monitoring;

namespace Juso.Domain.Meetings;

/// <summary>
/// 議題: one subject of this session (a case, or a 検討テーマ without one; see <see cref="AgendaSubject"/>), with its
/// purpose, place in the order and time budget.
/// </summary>
public class AgendaItem : Entity, IVersioned
{
    public const int TopicTitleMaxLength = 100;
    public const int TopicDescriptionMaxLength = 2000;

    protected AgendaItem()
    {
    }

    private AgendaItem(AgendaSubject subject, AgendaPurpose purpose, int order, int minutes)
    {
        Subject = subject;
        Purpose = purpose;
        Order = order;
        Minutes = minutes;
    }

    internal static AgendaItem ForCase(int supportCaseId, AgendaPurpose purpose, int order, int minutes) =>
        new(AgendaSubject.Case, purpose, order, minutes) { SupportCaseId = supportCaseId };

    internal static AgendaItem ForTopic(string title, string? description, AgendaPurpose purpose, int order, int minutes) =>
        new(AgendaSubject.Topic, purpose, order, minutes) { TopicTitle = title, TopicDescription = description };

    /// <summary>
    /// An アウトリーチ対象者: the title every view shows is the lead's number only (「アウトリーチ対象者 No.12」), so the board,
    /// minutes, prints and reminder mails name it as they name a topic and carry nothing of the person (docs/adr/0021).
    /// </summary>
    internal static AgendaItem ForLead(int leadId, AgendaPurpose purpose, int order, int minutes) =>
        new(AgendaSubject.Lead, purpose, order, minutes) { LeadId = leadId, TopicTitle = LeadTitle(leadId) };

    public static string LeadTitle(int leadId) => $"アウトリーチ対象者 No.{leadId}";

    public int MeetingId { get; private set; }

    /// <summary>The lead, for an item whose <see cref="Subject"/> is <see cref="AgendaSubject.Lead"/>; null otherwise.</summary>
    public int? LeadId { get; private set; }

    public int Version { get; private set; }

    public AgendaSubject Subject { get; private set; }

    /// <summary>The case, for an item whose <see cref="Subject"/> is <see cref="AgendaSubject.Case"/>; null otherwise.</summary>
    public int? SupportCaseId { get; private set; }

    /// <summary>検討テーマ: what a topic item is about (a missing social resource, an issue across cases); no personal data of a case.</summary>
    public string? TopicTitle { get; private set; }

    public string? TopicDescription { get; private set; }

    public bool IsCase => Subject == AgendaSubject.Case;

    public AgendaPurpose Purpose { get; private set; }

    public int Order { get; private set; }

    /// <summary>Time budget in minutes.</summary>
    public int Minutes { get; private set; }

    public AgendaOutcome Outcome { get; private set; }

    public IReadOnlyList<AgreedAssignment> AgreedAssignments => _agreedAssignments;

    /// <summary>所見 of a monitoring, captured on the board.</summary>
    public string? Findings { get; private set; }

    /// <summary>The next monitoring date the meeting decided; null: the plan's interval from the meeting day.</summary>
    public DateOnly? NextMonitoringDue { get; private set; }

    public IReadOnlyList<CapturedGoal> CapturedGoals => _capturedGoals;

    public IReadOnlyList<CapturedAssignment> CapturedAssignments => _capturedAssignments;

    /// <summary>支援の経過と成果の評価 written on the board for 終結を評価.</summary>
    public string? ClosureEvaluation { get; private set; }

    public string? ClosureReason { get; private set; }

    /// <summary>The agency that carries on after closure; null: the case's current lead.</summary>
    public int? CarryingOnAgencyId { get; private set; }

    /// <summary>Why the case goes back to 包括的相談支援.</summary>
    public string? HandBackReason { get; private set; }

    private readonly List<AgreedAssignment> _agreedAssignments = [];
    private readonly List<CapturedGoal> _capturedGoals = [];
    private readonly List<CapturedAssignment> _capturedAssignments = [];

    internal void Capture(MonitoringCapture capture)
    {
        Findings = capture.Findings!.Trim();
        NextMonitoringDue = capture.NextDueOn;
        _capturedGoals.Clear();
        _capturedGoals.AddRange(capture.Goals.Select(g => new CapturedGoal(g.GoalId, g.Progress, RuleCheck.Clean(g.Note))));
        _capturedAssignments.Clear();
        _capturedAssignments.AddRange(capture.Assignments.Where(a => RuleCheck.Clean(a.Note) is not null)
            .Select(a => new CapturedAssignment(a.AssignmentId, RuleCheck.Clean(a.Note))));
    }

    internal void Capture(ClosureCapture capture)
    {
        ClosureEvaluation = capture.Evaluation!.Trim();
        ClosureReason = capture.Reason!.Trim();
        CarryingOnAgencyId = capture.CarryingOnAgencyId;
    }

    internal void CaptureHandBack(string reason) => HandBackReason = reason.Trim();

    /// <summary>The monitoring as captured, in the shape a <see cref="MonitoringReview"/> is recorded from.</summary>
    public MonitoringCapture? MonitoringCaptured => Findings is null ? null
        : new MonitoringCapture(Findings, NextMonitoringDue,
            _capturedGoals.Select(g => new GoalReviewDetails(g.GoalId, g.Progress, g.Note)).ToList(),
            _capturedAssignments.Select(a => new AssignmentReviewDetails(a.AssignmentId, a.Note)).ToList());

    internal void Freeze(IEnumerable<AgreedAssignment> agreed)
    {
        _agreedAssignments.Clear();
        _agreedAssignments.AddRange(agreed);
    }

    internal void MoveTo(int order) => Order = order;

    internal void Conclude(AgendaOutcome outcome) => Outcome = outcome;
}
