using Juso.Domain.Cases;
using Juso.Domain.Common;

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

    internal void Pledge(DateTimeOffset now) => PledgedAt ??= now.UtcDateTime;
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

    internal void MoveTo(int order) => Order = order;
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

    protected Meeting()
    {
        ChairUserId = string.Empty;
    }

    public MeetingKind Kind { get; private set; }

    public MeetingCadence Cadence { get; private set; }

    public DateTime ScheduledAt { get; private set; }

    public string? Place { get; private set; }

    public string ChairUserId { get; private set; }

    /// <summary>Show initials instead of names on the projected board (on by default for a 支援会議).</summary>
    public bool MasksNames { get; private set; }

    public IReadOnlyList<MeetingMember> Members => _members;

    public IReadOnlyList<AgendaItem> Agenda => _agenda;

    /// <summary>More than about 12 cases in a regular session (武豊町's figure): the agenda builder warns.</summary>
    public bool IsOverRecommendedSize => Cadence == MeetingCadence.Regular && _agenda.Count > RecommendedRegularSessionSize;

    public static Meeting Schedule(MeetingKind kind, MeetingCadence cadence, DateTimeOffset? scheduledAt, string? place, Actor chair, string chairName, int? chairAgencyId, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(Enum.IsDefined(kind), nameof(Kind), "会議の種類を選択してください。")
            .Require(Enum.IsDefined(cadence), nameof(Cadence), "定例か随時かを選択してください。")
            .Require(scheduledAt is not null, nameof(ScheduledAt), "開催日時を入力してください。")
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
        };
        meeting._members.Add(new MeetingMember(chair.UserId, chairName, chairAgencyId));
        meeting.MarkCreated(now);
        return meeting;
    }

    public void AddMember(string userId, string name, int? agencyId, DateTimeOffset now)
    {
        if (_members.Any(m => m.UserId == userId))
        {
            return;
        }
        _members.Add(new MeetingMember(userId, name, agencyId));
        Touch(now);
    }

    public bool IsMember(string userId) => _members.Any(m => m.UserId == userId);

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
        _members.FirstOrDefault(m => m.UserId == userId) is { } member
        && (Kind == MeetingKind.MultiLayered || member.PledgedAt is not null);

    public AgendaItem AddAgendaItem(SupportCase supportCase, AgendaPurpose purpose, int minutes, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(!supportCase.IsClosed || purpose == AgendaPurpose.ClosureEvaluation, nameof(Agenda), "終結したケースは議題にできません。")
            .Require(Kind != MeetingKind.MultiLayered || supportCase.CurrentConsent == ConsentStatus.Obtained, nameof(Agenda),
                "本人同意のないケースは重層的支援会議では扱えません。支援会議で扱ってください。")
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
        var item = _agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainException("この議題は見つかりません。画面を再読み込みしてください。");
        var ordered = _agenda.OrderBy(a => a.Order).Where(a => a != item).ToList();
        ordered.Insert(Math.Clamp(position, 1, _agenda.Count) - 1, item);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }
        Touch(now);
    }
}
