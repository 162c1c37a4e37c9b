using Juso.Domain.Cases;
using Juso.Domain.Households;

namespace Juso.Portal.Features.Cases;

public sealed record CaseSearch(string? Text = null, string? Category = null, CaseStage? Stage = null, int? AgencyId = null, int? FiscalYear = null);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

public sealed record CaseListItem(
    int Id,
    string Number,
    int HouseholdId,
    string PrincipalName,
    string PrincipalKana,
    IReadOnlyList<string> Categories,
    CaseStage Stage,
    ConsentStatus? Consent,
    DateOnly IntakeDate,
    string? LeadAgencyName);

/// <summary>A 相談分類 to choose: its code (what is stored) and its name (in the 年度 concerned).</summary>
public sealed record CategoryOption(string Code, string Name);

public sealed record AgencyOption(int Id, string Name, string FieldLabel, bool IsActive);

public sealed record MemberView(int Id, string FamilyName, string GivenName, string FamilyNameKana, string GivenNameKana, DateOnly? BirthDate, int? Age, Relationship Relationship, string? Note, Sex? Sex)
{
    public string FullName => $"{FamilyName}\u3000{GivenName}";

    public string FullNameKana => $"{FamilyNameKana}\u3000{GivenNameKana}";
}

public sealed record CaseAgencyView(int AgencyId, string AgencyName, CaseAgencyRole Role, DateTime Since);

public sealed record ConsentView(ConsentStatus Status, DateOnly Date, ConsentMethod? Method, string? Note, string RecordedBy, DateTime RecordedAt);

public sealed record TimelineEntry(DateTime At, CaseEventKind Kind, string Description, string ActorName);

public sealed record CaseDetail(
    int Id,
    string Number,
    int Version,
    CaseStage Stage,
    DateOnly IntakeDate,
    IntakeRoute IntakeRoute,
    string? ReferringAgencyName,
    int FiscalYear,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<string> Categories,
    string IntakeSummary,
    string? ConsulterName,
    ConsentStatus? Consent,
    string? LeadAgencyName,
    string? CoordinatorName,
    int HouseholdId,
    string? Address,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<CaseAgencyView> Agencies,
    IReadOnlyList<ConsentView> ConsentHistory,
    IReadOnlyList<TimelineEntry> Timeline,
    DateOnly? ClosedOn,
    string? ClosureReason,
    string? ClosureEvaluation,
    DateOnly? NextFollowUpOn,
    bool CanEdit,
    bool CanManageAgencies)
{
    public MemberView? Principal => Members.FirstOrDefault(m => m.Relationship == Relationship.Principal);

    /// <summary>Whom a contact is with, chosen rather than typed: the household's members, then the agencies involved.</summary>
    public IReadOnlyList<string> ContactParties => [.. Members.Select(m => m.FullName), .. Agencies.Select(a => a.AgencyName).Distinct()];
}

public sealed record HouseholdCaseItem(int Id, string Number, CaseStage Stage, DateOnly IntakeDate, IReadOnlyList<string> Categories);

public sealed record HouseholdDetail(
    int Id,
    int Version,
    string? Address,
    string? Phone,
    string? Note,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<HouseholdCaseItem> Cases,
    bool CanEdit,
    DateTime UpdatedAt);
