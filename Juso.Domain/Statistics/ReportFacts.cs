using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;

namespace Juso.Domain.Statistics;

/// <summary>What the yearly report reads of one case; an imported case gives the same facts as one typed in.</summary>
public sealed record CaseFact(
    int CaseId,
    DateOnly IntakeDate,
    DateOnly? ClosedOn,
    bool HandedBack,
    IntakeRoute Route,
    AgencyField? IntakeField,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<int> AgencyIds);

/// <summary>One approved plan version.</summary>
public sealed record PlanFact(int CaseId, int PlanVersion, PlanKind Kind, DateOnly ApprovedOn, bool UsesOutreach, bool UsesParticipation);

/// <summary>One meeting and the cases on its agenda (one entry per agenda item).</summary>
public sealed record MeetingFact(int MeetingId, MeetingKind Kind, MeetingCadence Cadence, DateOnly HeldOn, IReadOnlyList<int> CaseIds);

/// <summary>One monitoring review: the due date it answered (if any) and the day it was done.</summary>
public sealed record MonitoringFact(int CaseId, DateOnly? DueOn, DateOnly ReviewedOn);

/// <summary>
/// Everything the report counts, for the cases in scope. <paramref name="AsOf"/> is today: a meeting is counted as
/// held only once its day has come. <paramref name="AgencyPrograms"/> gives each agency's programs.
/// </summary>
public sealed record ReportFacts(
    DateOnly AsOf,
    IReadOnlyList<CaseFact> Cases,
    IReadOnlyList<PlanFact> Plans,
    IReadOnlyList<MeetingFact> Meetings,
    IReadOnlyList<MonitoringFact> Monitoring,
    IReadOnlyDictionary<int, SupportProgram> AgencyPrograms);
