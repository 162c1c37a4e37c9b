using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Meetings;

/// <summary>決定事項: what the meeting agreed for one agenda item, captured on the board as it is agreed.</summary>
public class Decision : Entity, IVersioned
{
    public const int TextMaxLength = 1000;

    protected Decision()
    {
        Text = string.Empty;
    }

    internal Decision(int agendaItemId, string text, DateTimeOffset now)
    {
        AgendaItemId = agendaItemId;
        Text = text;
        RecordedAt = now.UtcDateTime;
    }

    public int MeetingId { get; private set; }

    public int AgendaItemId { get; private set; }

    public int Version { get; private set; }

    public string Text { get; private set; }

    public DateTime RecordedAt { get; private set; }

    internal void Revise(string text) => Text = text;
}

/// <summary>
/// 対応事項（アクションアイテム）: a task agreed in the meeting, with the agency that owns it and a due date. It outlives
/// the meeting: the owner agency or the case's coordinator marks it done (or not done after all), also after the
/// minutes are approved; the meeting's own record stays as it was.
/// </summary>
public class ActionItem : Entity, IVersioned
{
    public const int TextMaxLength = 500;
    public const int PersonMaxLength = 50;

    protected ActionItem()
    {
        Text = string.Empty;
    }

    internal ActionItem(int agendaItemId)
    {
        AgendaItemId = agendaItemId;
        Text = string.Empty;
    }

    public int MeetingId { get; private set; }

    public int AgendaItemId { get; private set; }

    public int Version { get; private set; }

    public string Text { get; private set; }

    public int OwnerAgencyId { get; private set; }

    public string? OwnerPerson { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>When it was marked done; null while open.</summary>
    public DateTime? CompletedAt { get; private set; }

    /// <summary>Who marked it done, as shown on the case page.</summary>
    public string? CompletedBy { get; private set; }

    public bool IsDone => CompletedAt is not null;

    /// <summary>
    /// 前回の対応事項: whether an action item of an earlier meeting is brought to the case's next meeting, whose
    /// previous meeting for the case was held at <paramref name="previousMeetingAt"/>: while open, and once done since then.
    /// </summary>
    public static bool IsCarriedForward(DateTime? completedAt, DateTime previousMeetingAt) => completedAt is null || completedAt >= previousMeetingAt;

    /// <summary>Whether the task is overdue on <paramref name="today"/> (Japan time).</summary>
    public bool IsOverdueOn(DateOnly today) => !IsDone && DueOn < today;

    /// <summary>Who may mark it done or open again: a member of the owner agency, or the coordinator of the case it is for.</summary>
    public bool MayBeSettledBy(ActionItemSettler settler, SupportCase supportCase) => MayBeSettledBy(settler, OwnerAgencyId, supportCase.CoordinatorStaffId);

    /// <summary>The same rule for an action item and its case read by a query.</summary>
    public static bool MayBeSettledBy(ActionItemSettler settler, int ownerAgencyId, int? coordinatorStaffId) =>
        settler.AgencyId == ownerAgencyId || (settler.StaffId is { } staffId && coordinatorStaffId == staffId);

    /// <summary>
    /// The rule for an action item of a 検討テーマ or lead item, which has no coordinator: a member of the owner agency,
    /// or the chair of the meeting that decided it.
    /// </summary>
    public static bool MayBeSettledWithoutCaseBy(ActionItemSettler settler, int ownerAgencyId, string chairUserId) =>
        settler.AgencyId == ownerAgencyId || settler.Actor.UserId == chairUserId;

    /// <summary>Marks it done; the meeting checked who may.</summary>
    internal void Complete(ActionItemSettler settler, DateTimeOffset now)
    {
        if (IsDone)
        {
            throw new DomainException("この対応事項は既に完了しています。", nameof(CompletedAt));
        }
        CompletedAt = now.UtcDateTime;
        CompletedBy = settler.Actor.Name;
    }

    internal void Reopen()
    {
        if (!IsDone)
        {
            throw new DomainException("この対応事項は未完了です。", nameof(CompletedAt));
        }
        CompletedAt = null;
        CompletedBy = null;
    }

    internal void Apply(ActionItemDetails details)
    {
        Text = details.Text!.Trim();
        OwnerAgencyId = details.OwnerAgencyId!.Value;
        OwnerPerson = RuleCheck.Clean(details.OwnerPerson);
        DueOn = details.DueOn!.Value;
    }
}

/// <summary>Who marks an action item done: the person, their agency and their staff record (a coordinator is a staff member).</summary>
public sealed record ActionItemSettler(Actor Actor, int? AgencyId, int? StaffId);

public sealed record ActionItemDetails(string? Text, int? OwnerAgencyId, string? OwnerPerson, DateOnly? DueOn);

/// <summary>A role assignment as the meeting agreed it, frozen into the minutes when the chair approves them.</summary>
public class AgreedAssignment
{
    protected AgreedAssignment()
    {
        AgencyName = string.Empty;
        Task = string.Empty;
        Status = string.Empty;
    }

    public AgreedAssignment(string agencyName, string? personInCharge, string task, string? frequency, string status)
    {
        AgencyName = agencyName;
        PersonInCharge = personInCharge;
        Task = task;
        Frequency = frequency;
        Status = status;
    }

    public string AgencyName { get; private set; }

    public string? PersonInCharge { get; private set; }

    public string Task { get; private set; }

    public string? Frequency { get; private set; }

    public string Status { get; private set; }
}
