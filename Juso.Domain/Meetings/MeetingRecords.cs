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

/// <summary>宿題（アクションアイテム）: a task agreed in the meeting, with the agency that owns it and a due date.</summary>
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

    internal void Apply(ActionItemDetails details)
    {
        Text = details.Text!.Trim();
        OwnerAgencyId = details.OwnerAgencyId!.Value;
        OwnerPerson = RuleCheck.Clean(details.OwnerPerson);
        DueOn = details.DueOn!.Value;
    }
}

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
