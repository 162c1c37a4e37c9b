using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Monitoring;

namespace Juso.Domain.Meetings;

/// <summary>A person taking part in a meeting, and (for a 支援会議) their confidentiality pledge for it.</summary>
public class MeetingMember : Entity
{
    protected MeetingMember()
    {
        UserId = string.Empty;
        Name = string.Empty;
    }

    internal MeetingMember(string userId, string name, int? agencyId)
    {
        UserId = userId;
        Name = name;
        AgencyId = agencyId;
    }

    public int MeetingId { get; private set; }

    public string UserId { get; private set; }

    public string Name { get; private set; }

    public int? AgencyId { get; private set; }

    /// <summary>守秘義務の誓約: when this member pledged confidentiality for this meeting.</summary>
    public DateTime? PledgedAt { get; private set; }

    /// <summary>出席: recorded on the board for the minutes.</summary>
    public bool Attended { get; private set; }

    internal void Pledge(DateTimeOffset now) => PledgedAt ??= now.UtcDateTime;

    internal void RecordAttendance(bool attended) => Attended = attended;
}

/// <summary>議題: one case in this session, with its purpose, place in the order and time budget.</summary>
public class AgendaItem : Entity, IVersioned
{
    protected AgendaItem()
    {
    }

    internal AgendaItem(int supportCaseId, AgendaPurpose purpose, int order, int minutes)
    {
        SupportCaseId = supportCaseId;
        Purpose = purpose;
        Order = order;
        Minutes = minutes;
    }

    public int MeetingId { get; private set; }

    public int Version { get; private set; }

    public int SupportCaseId { get; private set; }

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

/// <summary>
/// 会議: a 重層的支援会議 or 支援会議 with its chair, members and agenda. The rules of domain.md's comparison
/// table live here: a 重層的支援会議 takes only cases with consent; a 支援会議 shows case details to a member
/// only after that member's confidentiality pledge for this meeting.
/// </summary>
public class Meeting : AggregateRoot
{
    public const int PlaceMaxLength = 100;
    public const int RecommendedRegularSessionSize = 12;
    public const int MaxAgendaItems = 40;

    private readonly List<MeetingMember> _members = [];
    private readonly List<AgendaItem> _agenda = [];
    private readonly List<Decision> _decisions = [];
    private readonly List<ActionItem> _actionItems = [];

    protected Meeting()
    {
        ChairUserId = string.Empty;
    }

    public MeetingKind Kind { get; private set; }

    public MeetingCadence Cadence { get; private set; }

    public DateTime ScheduledAt { get; private set; }

    public string? Place { get; private set; }

    public string ChairUserId { get; private set; }

    /// <summary>第N回: the meeting's place among the meetings of its kind in its 年度, given by <see cref="MeetingNumbering"/>.</summary>
    public int Number { get; private set; }

    /// <summary>The 年度 the meeting is held in, which its <see cref="Number"/> counts within.</summary>
    public FiscalYear FiscalYear => FiscalYear.Of(HeldOn);

    /// <summary>Show initials instead of names on the projected board (on by default for a 支援会議).</summary>
    public bool MasksNames { get; private set; }

    public IReadOnlyList<MeetingMember> Members => _members;

    public IReadOnlyList<AgendaItem> Agenda => _agenda;

    public IReadOnlyList<Decision> Decisions => _decisions;

    public IReadOnlyList<ActionItem> ActionItems => _actionItems;

    /// <summary>The agenda item under discussion, highlighted on the board, and when its timer started.</summary>
    public int? CurrentAgendaItemId { get; private set; }

    public DateTime? CurrentItemStartedAt { get; private set; }

    /// <summary>議事録の承認: after it the meeting's record is final and its decisions have reached the cases.</summary>
    public DateTime? MinutesApprovedAt { get; private set; }

    public bool IsMinutesApproved => MinutesApprovedAt is not null;

    /// <summary>More than about 12 cases in a regular session (武豊町's figure): the agenda builder warns.</summary>
    public bool IsOverRecommendedSize => IsOverRecommended(Cadence, _agenda.Count);

    public static bool IsOverRecommended(MeetingCadence cadence, int items) => cadence == MeetingCadence.Regular && items > RecommendedRegularSessionSize;

    public static Meeting Schedule(MeetingKind kind, MeetingCadence cadence, DateTimeOffset? scheduledAt, string? place, Actor chair, string chairName, int? chairAgencyId, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(Enum.IsDefined(kind), nameof(Kind), "会議の種類を選択してください。")
            .Require(Enum.IsDefined(cadence), nameof(Cadence), "定例か随時かを選択してください。")
            .Require(scheduledAt is not null, nameof(ScheduledAt), "開催日時を入力してください。")
            // Bounded so that the meeting's 年度 (and its numbering) always exists: year 1 or 9999 has no whole 年度.
            .Require(scheduledAt is null || JapanDate.Today(scheduledAt.Value) is { Year: >= 2000 and <= 2099 }, nameof(ScheduledAt),
                "開催日は2000年から2099年までの日付を入力してください。")
            .OptionalText(place, nameof(Place), "場所", PlaceMaxLength)
            .ThrowIfAny();
        var meeting = new Meeting
        {
            Kind = kind,
            Cadence = cadence,
            ScheduledAt = scheduledAt!.Value.UtcDateTime,
            Place = RuleCheck.Clean(place),
            ChairUserId = chair.UserId,
            MasksNames = kind == MeetingKind.Support,
            // The first of its year until MeetingNumbering places it among the others.
            Number = 1,
        };
        meeting._members.Add(new MeetingMember(chair.UserId, chairName, chairAgencyId));
        meeting.MarkCreated(now);
        return meeting;
    }

    public void AddMember(string userId, string name, int? agencyId, DateTimeOffset now)
    {
        EnsureOpen();
        if (_members.Any(m => m.UserId == userId))
        {
            return;
        }
        _members.Add(new MeetingMember(userId, name, agencyId));
        Touch(now);
    }

    public bool IsMember(string userId) => _members.Any(m => m.UserId == userId);

    /// <summary>
    /// How the meeting is named on the board, the minutes, prints, a case's timeline and a plan's approval
    /// (令和8年度第3回重層的支援会議); the one place to change it.
    /// </summary>
    public string Reference => ReferenceOf(Kind, FiscalYear, Number);

    /// <summary>The same name for a meeting read by a query.</summary>
    public static string ReferenceOf(MeetingKind kind, FiscalYear year, int number) => $"{JapaneseFormat.FiscalYear(year)}第{number}回{kind.Label()}";

    internal void Renumber(int number, DateTimeOffset now)
    {
        if (Number != number)
        {
            Number = number;
            Touch(now);
        }
    }

    /// <summary>The day the meeting was held (Japan time): what it decides takes effect on this day.</summary>
    public DateOnly HeldOn => JapanDate.Today(JapanDate.FromUtc(ScheduledAt));

    /// <summary>Whether this meeting may discuss (and decide for) the case: a 重層的支援会議 only with the person's consent in force.</summary>
    public bool MayDiscuss(SupportCase supportCase) => MayDiscuss(Kind, supportCase.CurrentConsent);

    /// <summary>The same rule for a case read by a query.</summary>
    public static bool MayDiscuss(MeetingKind kind, ConsentStatus? consent) => kind != MeetingKind.MultiLayered || consent == ConsentStatus.Obtained;

    public const string NeedsConsentMessage = "本人同意のないケースは重層的支援会議では扱えません。支援会議で扱ってください。";

    /// <summary>守秘義務の誓約 for this 支援会議 (a 重層的支援会議 shares only what the person consented to, and needs none).</summary>
    public void RecordPledge(string userId, DateTimeOffset now)
    {
        if (Kind != MeetingKind.Support)
        {
            throw new DomainException("守秘義務の誓約は支援会議で記録します。");
        }
        var member = _members.FirstOrDefault(m => m.UserId == userId)
            ?? throw new DomainException("この会議の構成員ではありません。");
        member.Pledge(now);
        Touch(now);
    }

    /// <summary>Whether the case details of this meeting may be shown to <paramref name="userId"/>.</summary>
    public bool MayShowCaseDetailsTo(string userId) =>
        _members.FirstOrDefault(m => m.UserId == userId) is { } member && MayShowCaseDetails(Kind, member.PledgedAt);

    /// <summary>The same rule for a member read from a snapshot: a 支援会議 needs that member's pledge.</summary>
    public static bool MayShowCaseDetails(MeetingKind kind, DateTime? pledgedAt) => kind == MeetingKind.MultiLayered || pledgedAt is not null;

    public AgendaItem AddAgendaItem(SupportCase supportCase, AgendaPurpose purpose, int minutes, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .Require(!supportCase.IsClosed || purpose == AgendaPurpose.ClosureEvaluation, nameof(Agenda), "終結したケースは議題にできません。")
            .Require(MayDiscuss(supportCase), nameof(Agenda), NeedsConsentMessage)
            .Require(_agenda.All(a => a.SupportCaseId != supportCase.Id), nameof(Agenda), "このケースは既に議題にあります。")
            .Require(_agenda.Count < MaxAgendaItems, nameof(Agenda), $"議題は{MaxAgendaItems}件までです。")
            .Require(Enum.IsDefined(purpose), nameof(AgendaItem.Purpose), "この回の目的を選択してください。")
            .Require(minutes is >= 1 and <= 120, nameof(AgendaItem.Minutes), "時間の目安は1分から120分の間で入力してください。")
            .ThrowIfAny();
        var item = new AgendaItem(supportCase.Id, purpose, _agenda.Count + 1, minutes);
        _agenda.Add(item);
        Touch(now);
        return item;
    }

    /// <summary>Moves an item to <paramref name="position"/> (1-based); the others keep their relative order.</summary>
    public void MoveAgendaItem(int itemId, int position, DateTimeOffset now)
    {
        EnsureOpen();
        var item = _agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainException("この議題は見つかりません。画面を再読み込みしてください。");
        var ordered = _agenda.OrderBy(a => a.Order).Where(a => a != item).ToList();
        ordered.Insert(Math.Clamp(position, 1, _agenda.Count) - 1, item);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }
        Touch(now);
    }

    /// <summary>A change made on the board to something outside the meeting (a case's role assignment): allowed until the minutes are approved.</summary>
    public void RecordBoardEdit(DateTimeOffset now)
    {
        EnsureOpen();
        Touch(now);
    }

    public void RemoveAgendaItem(int itemId, DateTimeOffset now)
    {
        EnsureOpen();
        var item = FindItem(itemId);
        if (_decisions.Any(d => d.AgendaItemId == itemId) || _actionItems.Any(a => a.AgendaItemId == itemId))
        {
            throw new DomainException("決定事項や対応事項がある議題は外せません。", nameof(Agenda));
        }
        _agenda.Remove(item);
        var order = 1;
        foreach (var rest in _agenda.OrderBy(a => a.Order))
        {
            rest.MoveTo(order++);
        }
        if (CurrentAgendaItemId == itemId)
        {
            CurrentAgendaItemId = null;
            CurrentItemStartedAt = null;
        }
        Touch(now);
    }

    public void RemoveMember(string userId, DateTimeOffset now)
    {
        EnsureOpen();
        if (userId == ChairUserId)
        {
            throw new DomainException("議長は構成員から外せません。");
        }
        var member = _members.FirstOrDefault(m => m.UserId == userId) ?? throw new DomainException("この会議の構成員ではありません。");
        _members.Remove(member);
        Touch(now);
    }

    public void RecordAttendance(string userId, bool attended, DateTimeOffset now)
    {
        EnsureOpen();
        var member = _members.FirstOrDefault(m => m.UserId == userId) ?? throw new DomainException("この会議の構成員ではありません。");
        member.RecordAttendance(attended);
        Touch(now);
    }

    public void MaskNames(bool masks, DateTimeOffset now)
    {
        MasksNames = masks;
        Touch(now);
    }

    /// <summary>Moves the board to an agenda item and starts its timer.</summary>
    public void StartItem(int itemId, DateTimeOffset now)
    {
        EnsureOpen();
        FindItem(itemId);
        CurrentAgendaItemId = itemId;
        CurrentItemStartedAt = now.UtcDateTime;
        Touch(now);
    }

    public void Conclude(int itemId, AgendaOutcome outcome, DateTimeOffset now)
    {
        EnsureOpen();
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("結論を選択してください。", nameof(AgendaItem.Outcome));
        }
        FindItem(itemId).Conclude(outcome);
        // Every board edit moves the meeting, so that an edit made from a view older than the approval of the minutes fails.
        Touch(now);
    }

    /// <summary>Captures a monitoring (継続 / 見直し) for the minutes to record as a review; replaces what was captured before.</summary>
    public void CaptureMonitoring(int itemId, MonitoringCapture capture, DateTimeOffset now)
    {
        EnsureOpen();
        var item = FindItem(itemId);
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
        var item = FindItem(itemId);
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
        var item = FindItem(itemId);
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
        var action = _actionItems.FirstOrDefault(a => a.Id == actionItemId) ?? throw new DomainException("この対応事項は見つかりません。画面を再読み込みしてください。");
        CheckActionItem(details, now);
        action.Apply(details);
        Touch(now);
    }

    public void RemoveActionItem(int actionItemId, DateTimeOffset now)
    {
        EnsureOpen();
        _actionItems.Remove(_actionItems.FirstOrDefault(a => a.Id == actionItemId) ?? throw new DomainException("この対応事項は見つかりません。画面を再読み込みしてください。"));
        Touch(now);
    }

    /// <summary>
    /// Marks an action item done. Allowed also after the minutes are approved: the task outlives the meeting, and the
    /// meeting's own version does not move (only the action item's).
    /// </summary>
    public void CompleteActionItem(int actionItemId, ActionItemSettler settler, SupportCase supportCase, DateTimeOffset now) =>
        FindActionItemFor(actionItemId, supportCase).Complete(settler, supportCase, now);

    /// <summary>Marks a done action item open again (done by mistake, or not done after all).</summary>
    public void ReopenActionItem(int actionItemId, ActionItemSettler settler, SupportCase supportCase) =>
        FindActionItemFor(actionItemId, supportCase).Reopen(settler, supportCase);

    /// <summary>The case an action item is for: the case of its agenda item.</summary>
    public int CaseOf(ActionItem actionItem) => FindItem(actionItem.AgendaItemId).SupportCaseId;

    private ActionItem FindActionItemFor(int actionItemId, SupportCase supportCase)
    {
        var action = _actionItems.FirstOrDefault(a => a.Id == actionItemId) ?? throw new DomainException("この対応事項は見つかりません。画面を再読み込みしてください。");
        if (CaseOf(action) != supportCase.Id)
        {
            throw new DomainException("この対応事項は別のケースのものです。");
        }
        return action;
    }

    /// <summary>
    /// 議事録の承認 by the chair, after the session: the record becomes final, with each case's role assignments
    /// frozen as agreed. <see cref="MinutesCarryBack"/> calls it and carries each item's outcome back to its case.
    /// </summary>
    internal void ApproveMinutes(string userId, IReadOnlyDictionary<int, IReadOnlyList<AgreedAssignment>> agreedAssignments, DateTimeOffset now)
    {
        CheckMinutesApproval(userId, now);
        foreach (var item in _agenda)
        {
            item.Freeze(agreedAssignments.GetValueOrDefault(item.Id) ?? []);
        }
        MinutesApprovedAt = now.UtcDateTime;
        CurrentAgendaItemId = null;
        CurrentItemStartedAt = null;
        Touch(now);
    }

    /// <summary>
    /// 掲示モード: the chair turns a screen into this meeting's wall display, on the meeting day (Japan time) and before
    /// the minutes are approved. Returns when it ends at the latest: the end of the meeting day (approving the minutes
    /// ends it sooner).
    /// </summary>
    public DateTimeOffset WallDisplayEndsAt(string userId, DateTimeOffset now)
    {
        var meetingDay = JapanDate.Today(JapanDate.FromUtc(ScheduledAt));
        new RuleCheck()
            .Require(userId == ChairUserId, nameof(ChairUserId), "掲示モードを開始できるのは議長だけです。")
            .Require(!IsMinutesApproved, nameof(MinutesApprovedAt), "議事録が承認された会議では掲示モードを開始できません。")
            .Require(JapanDate.Today(now) == meetingDay, nameof(ScheduledAt), "掲示モードは会議の当日に開始できます。")
            .ThrowIfAny();
        return new DateTimeOffset(meetingDay.AddDays(1).ToDateTime(TimeOnly.MinValue), JapanDate.Offset);
    }

    /// <summary>Refuses an approval of the minutes before anything is carried back to a case.</summary>
    internal void CheckMinutesApproval(string userId, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .Require(userId == ChairUserId, nameof(MinutesApprovedAt), "議事録を承認できるのは議長だけです。")
            .Require(now.UtcDateTime >= ScheduledAt, nameof(MinutesApprovedAt), "開催日時より前には議事録を承認できません。")
            .Require(_members.Any(m => m.Attended), nameof(Members), "出席者を記録してから承認してください。")
            .ThrowIfAny();
    }

    private AgendaItem FindItem(int itemId) =>
        _agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainException("この議題は見つかりません。画面を再読み込みしてください。");

    private void EnsureOpen()
    {
        if (IsMinutesApproved)
        {
            throw new DomainException("議事録が承認された会議は変更できません。");
        }
    }

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
