namespace Juso.Domain.Cases;

/// <summary>
/// A case as a ledger (台帳) records it after the fact: dates of intake and closure in the past, consent as it stands,
/// whether plans were made. <paramref name="Source"/> names the file and row, for the case's timeline.
/// </summary>
public sealed record LedgerCase(
    DateOnly IntakeDate,
    IntakeRoute Route,
    int? ReferringAgencyId,
    int? LeadAgencyId,
    IReadOnlyCollection<string> Categories,
    ConsentStatus? Consent,
    DateOnly ConsentDate,
    DateOnly? ClosedOn,
    bool HandedBack,
    bool HasPlan,
    string Summary,
    string Source);
