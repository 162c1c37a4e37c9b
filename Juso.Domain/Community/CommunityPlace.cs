using Juso.Domain.Common;

namespace Juso.Domain.Community;

/// <summary>A place that is open regularly, or an event held again and again (地域づくり).</summary>
public enum PlaceKind
{
    DropIn,
    Salon,
    ChildrensCafeteria,
    Event,
    Other,
}

public static class CommunityLabels
{
    public static string Label(this PlaceKind kind) => kind switch
    {
        PlaceKind.DropIn => "居場所",
        PlaceKind.Salon => "サロン",
        PlaceKind.ChildrensCafeteria => "子ども食堂",
        PlaceKind.Event => "イベント・行事",
        PlaceKind.Other => "その他",
        _ => kind.ToString(),
    };
}

public sealed record PlaceDetails(string? Name, PlaceKind Kind, string? Organiser, string? Location, string? Recurrence, string? Description);

/// <summary>
/// 地域づくり: a place where residents meet or a recurring event, with the participants of each session (延べ人数) and the
/// consultations (and, later, outreach leads) that came from it.
/// </summary>
public class CommunityPlace : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int ShortTextMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const int MaxParticipants = 10_000;

    private readonly List<PlaceSession> _sessions = [];
    private readonly List<PlaceReferral> _referrals = [];

    protected CommunityPlace()
    {
        Name = string.Empty;
        Organiser = string.Empty;
    }

    public string Name { get; private set; }

    public PlaceKind Kind { get; private set; }

    /// <summary>主催 (a residents' association, the council of social welfare, an NPO).</summary>
    public string Organiser { get; private set; }

    public string? Location { get; private set; }

    /// <summary>How often it is held (e.g. 毎月第2土曜 10時〜12時).</summary>
    public string? Recurrence { get; private set; }

    public string? Description { get; private set; }

    public bool IsArchived { get; private set; }

    public IReadOnlyList<PlaceSession> Sessions => _sessions;

    public IReadOnlyList<PlaceReferral> Referrals => _referrals;

    public int TotalParticipants => _sessions.Sum(s => s.Participants);

    public static CommunityPlace Create(PlaceDetails details, DateTimeOffset now)
    {
        var place = new CommunityPlace();
        place.Apply(details);
        place.MarkCreated(now);
        return place;
    }

    public void Update(PlaceDetails details, DateTimeOffset now)
    {
        EnsureOpen();
        Apply(details);
        Touch(now);
    }

    /// <summary>One session held: how many took part (延べ人数 adds them up). One record per day.</summary>
    public PlaceSession RecordSession(DateOnly? heldOn, int? participants, string? note, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .Require(heldOn is not null, nameof(PlaceSession.HeldOn), "開催日を入力してください。")
            .Require(heldOn is null || heldOn <= JapanDate.Today(now), nameof(PlaceSession.HeldOn), "開催日に未来の日付は入力できません。")
            .Require(heldOn is null || _sessions.All(s => s.HeldOn != heldOn), nameof(PlaceSession.HeldOn), "この日の開催はすでに記録されています。")
            .Require(participants is >= 0 and <= MaxParticipants, nameof(PlaceSession.Participants), $"参加者数は0から{MaxParticipants}の間で入力してください。")
            .OptionalText(note, nameof(PlaceSession.Note), "メモ", TextMaxLength)
            .ThrowIfAny();
        var session = new PlaceSession(heldOn!.Value, participants!.Value, RuleCheck.Clean(note));
        _sessions.Add(session);
        Touch(now);
        return session;
    }

    /// <summary>
    /// A consultation or lead that came from this place: a case, an アウトリーチ対象者, or a free reference (what was
    /// recorded before leads had their own record and could not be matched to one, or a word of who it was).
    /// </summary>
    public PlaceReferral RecordReferral(DateOnly? on, int? supportCaseId, int? leadId, string? reference, string? note, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .Require(on is not null, nameof(PlaceReferral.On), "つながった日を入力してください。")
            .Require(on is null || on <= JapanDate.Today(now), nameof(PlaceReferral.On), "つながった日に未来の日付は入力できません。")
            .Require(supportCaseId is not null || leadId is not null || !string.IsNullOrWhiteSpace(reference), nameof(PlaceReferral.Reference),
                "つながったケースかアウトリーチ対象者を選ぶか、相談・把握した内容の参照を入力してください。")
            .OptionalText(reference, nameof(PlaceReferral.Reference), "参照", ShortTextMaxLength)
            .OptionalText(note, nameof(PlaceReferral.Note), "メモ", TextMaxLength)
            .ThrowIfAny();
        var referral = new PlaceReferral(on!.Value, supportCaseId, leadId, RuleCheck.Clean(reference), RuleCheck.Clean(note));
        _referrals.Add(referral);
        Touch(now);
        return referral;
    }

    /// <summary>No longer held; its sessions and referrals stay for the figures.</summary>
    public void Archive(DateTimeOffset now)
    {
        EnsureOpen();
        IsArchived = true;
        Touch(now);
    }

    private void Apply(PlaceDetails details)
    {
        new RuleCheck()
            .RequireText(details.Name, nameof(Name), "名称", NameMaxLength)
            .Require(Enum.IsDefined(details.Kind), nameof(Kind), "種類を選択してください。")
            .RequireText(details.Organiser, nameof(Organiser), "主催", ShortTextMaxLength)
            .OptionalText(details.Location, nameof(Location), "場所", ShortTextMaxLength)
            .OptionalText(details.Recurrence, nameof(Recurrence), "開催の頻度", ShortTextMaxLength)
            .OptionalText(details.Description, nameof(Description), "内容", TextMaxLength)
            .ThrowIfAny();
        Name = details.Name!.Trim();
        Kind = details.Kind;
        Organiser = details.Organiser!.Trim();
        Location = RuleCheck.Clean(details.Location);
        Recurrence = RuleCheck.Clean(details.Recurrence);
        Description = RuleCheck.Clean(details.Description);
    }

    private void EnsureOpen()
    {
        if (IsArchived)
        {
            throw new DomainException("アーカイブした居場所・イベントは変更できません。");
        }
    }
}

/// <summary>One session of a place or event.</summary>
public class PlaceSession : Entity
{
    protected PlaceSession()
    {
    }

    internal PlaceSession(DateOnly heldOn, int participants, string? note)
    {
        HeldOn = heldOn;
        Participants = participants;
        Note = note;
    }

    public int CommunityPlaceId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public int Participants { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>A consultation or lead that came from a place: a case, an アウトリーチ対象者, or a free reference.</summary>
public class PlaceReferral : Entity
{
    protected PlaceReferral()
    {
    }

    internal PlaceReferral(DateOnly on, int? supportCaseId, int? leadId, string? reference, string? note)
    {
        On = on;
        SupportCaseId = supportCaseId;
        LeadId = leadId;
        Reference = reference;
        Note = note;
    }

    public int CommunityPlaceId { get; private set; }

    public DateOnly On { get; private set; }

    public int? SupportCaseId { get; private set; }

    /// <summary>The アウトリーチ対象者 the place told us of; shown only to those who may see the lead.</summary>
    public int? LeadId { get; private set; }

    public string? Reference { get; private set; }

    public string? Note { get; private set; }
}
