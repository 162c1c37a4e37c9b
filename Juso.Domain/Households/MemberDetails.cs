namespace Juso.Domain.Households;

/// <summary>Input for a household member, as a form or an import gives it.</summary>
public sealed record MemberDetails(
    string? FamilyName,
    string? GivenName,
    string? FamilyNameKana,
    string? GivenNameKana,
    DateOnly? BirthDate,
    Relationship Relationship,
    string? Note = null,
    Sex? Sex = null);
