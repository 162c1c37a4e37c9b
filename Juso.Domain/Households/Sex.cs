namespace Juso.Domain.Households;

/// <summary>性別 of a household member, as ledgers and forms record it; optional (a member without it has null).</summary>
public enum Sex
{
    Male,
    Female,
    Other,
    Unknown,
}
