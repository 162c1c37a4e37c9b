using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;

namespace Juso.Portal.Features.Outreach;

/// <summary>A lead as the register and edit form holds it. Property names match the domain's error keys.</summary>
public sealed class LeadForm
{
    public string? Description { get; set; }

    public string? Address { get; set; }

    public LeadSource? Source { get; set; }

    public int? SourceAgencyId { get; set; }

    public string? SourceNote { get; set; }

    public string? Worry { get; set; }

    public int? ResponsibleAgencyId { get; set; }

    public int? OutreachWorkerStaffId { get; set; }

    public int? ContactEveryDays { get; set; } = OutreachLead.DefaultContactEveryDays;

    public LeadDetails ToDetails() => new(Description, Address, Source, SourceAgencyId, SourceNote, Worry, ResponsibleAgencyId, OutreachWorkerStaffId, ContactEveryDays);

    public static LeadForm From(OutreachLead lead) => new()
    {
        Description = lead.Description,
        Address = lead.Address,
        Source = lead.Source,
        SourceAgencyId = lead.SourceAgencyId,
        SourceNote = lead.SourceNote,
        Worry = lead.Worry,
        ResponsibleAgencyId = lead.ResponsibleAgencyId,
        OutreachWorkerStaffId = lead.OutreachWorkerStaffId,
        ContactEveryDays = lead.ContactEveryDays,
    };
}

/// <summary>One attempt, its date and time entered separately in Japan time.</summary>
public sealed class ContactAttemptForm
{
    public OutreachMethod? Method { get; set; }

    public OutreachOutcome? Outcome { get; set; }

    public DateTime? Date { get; set; }

    public TimeSpan? Time { get; set; }

    public string? Note { get; set; }

    public OutreachContactDetails ToDetails() => new(Method, Outcome, Date is { } d ? JapanDate.At(d.Date, Time) : null, Note);
}

public sealed class LeadConsentForm
{
    public DateTime? ConsentOn { get; set; }

    public ConsentMethod? ConsentMethod { get; set; }
}

public sealed class OutreachPlanForm
{
    public string? Goal { get; set; }

    public string? Approach { get; set; }
}

/// <summary>The list's filters; all optional.</summary>
public sealed record LeadFilter(LeadStage? Stage = null, LeadSource? Source = null, int? AgencyId = null, bool OverdueOnly = false, bool OpenOnly = true);

/// <summary>A lead in a list: the address masked to its town, the description as the worker wrote it.</summary>
public sealed record LeadListItem(int Id, string Description, string MaskedAddress, LeadSource Source, LeadStage Stage, string AgencyName, string? WorkerName,
    DateOnly? LastAttemptOn, DateOnly DueOn, bool Overdue);

public sealed record LeadAttempt(int Id, OutreachMethod Method, OutreachOutcome Outcome, DateTime OccurredAt, string? Note, string RecordedByName);

public sealed record LeadPlanView(int Id, int Version, int Number, string Goal, string Approach, string DraftedByName, DateTime CreatedAt,
    MeetingKind? MeetingKind, DateOnly? ApprovedOn, string? MeetingTitle);

public sealed record LeadView(
    int Id,
    int Version,
    string Description,
    string? Address,
    LeadSource Source,
    string? SourceAgencyName,
    string? SourceNote,
    string Worry,
    string AgencyName,
    string? WorkerName,
    int ContactEveryDays,
    DateOnly RegisteredOn,
    LeadStage Stage,
    DateOnly? ConsentOn,
    ConsentMethod? ConsentMethod,
    DateOnly? EndedOn,
    string? EndReason,
    int? ConvertedCaseId,
    string? ConvertedCaseNumber,
    DateOnly DueOn,
    bool Overdue,
    bool CanWork,
    IReadOnlyList<LeadAttempt> Attempts,
    IReadOnlyList<LeadPlanView> Plans,
    LeadForm Form)
{
    /// <summary>Still being reached out to: not yet 支援につながった nor 終了.</summary>
    public bool IsOpen => Stage is not (LeadStage.Connected or LeadStage.Ended);

    /// <summary>The last withdrawal of consent, if any.</summary>
    public DateOnly? ConsentWithdrawnOn { get; init; }

    public ConsentMethod? ConsentWithdrawnMethod { get; init; }
}

/// <summary>A meeting a plan can be approved in: held already, of the kind the lead's consent allows.</summary>
public sealed record PlanMeetingOption(int Id, string Title);

public sealed record StaffChoice(int Id, string Name, int AgencyId);

/// <param name="Coordinating">Whether the user chooses the responsible agency; an agency member registers for <paramref name="OwnAgencyId"/>.</param>
public sealed record LeadFormOptions(IReadOnlyList<Cases.AgencyOption> Agencies, IReadOnlyList<StaffChoice> Staff, bool Coordinating, int? OwnAgencyId);
