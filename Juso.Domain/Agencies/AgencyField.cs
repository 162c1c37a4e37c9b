namespace Juso.Domain.Agencies;

/// <summary>The field an agency works in (支援関係機関の分野).</summary>
public enum AgencyField
{
    Elderly,
    Disability,
    Children,
    Poverty,
    Other,
}

/// <summary>直営 (run by the municipality) or 委託 (contracted out).</summary>
public enum AgencyOperation
{
    Direct,
    Contracted,
}
