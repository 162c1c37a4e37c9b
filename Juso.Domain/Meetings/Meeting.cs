using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Monitoring;

namespace Juso.Domain.Meetings;

/// <summary>
/// 会議: a 重層的支援会議 or 支援会議 with its chair, members and agenda. The rules of domain.md's comparison
/// table live here: a 重層的支援会議 takes only cases with consent; a 支援会議 shows case details to a member
/// only after that member's confidentiality pledge for this meeting.
/// </summary>
public partial class Meeting : AggregateRoot
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
            .Add(ScheduleErrors(scheduledAt, place))
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
    public string Reference => ReferenceOf(Kind, FiscalYear, Number) + (IsCancelled ? CancelledSuffix : string.Empty);

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

    /// <summary>
    /// The same rule for a member read from a snapshot: a 支援会議 needs that member's pledge. A 検討会議 takes no cases and
    /// has no pledge (<see cref="RecordPledge"/>); what its board shows of a lead is decided per viewer by the lead's rule.
    /// </summary>
    public static bool MayShowCaseDetails(MeetingKind kind, DateTime? pledgedAt) => kind != MeetingKind.Support || pledgedAt is not null;

    /// <summary>A change made on the board to something outside the meeting (a case's role assignment): allowed until the minutes are approved.</summary>
    public void RecordBoardEdit(DateTimeOffset now)
    {
        EnsureOpen();
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
        EnsureNotEnded();
        FindItem(itemId);
        CurrentAgendaItemId = itemId;
        CurrentItemStartedAt = now.UtcDateTime;
        StartedAt ??= now.UtcDateTime;
        Touch(now);
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
            .Require(!IsCancelled, nameof(CancelledAt), CancelledMessage)
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
            .Require(IsHeld(now), nameof(MinutesApprovedAt), "開催日時より前には議事録を承認できません。予定より早く開催した場合は、先に「会議を終了」してください。")
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
        if (IsCancelled)
        {
            throw new DomainException(CancelledMessage);
        }
    }
}
