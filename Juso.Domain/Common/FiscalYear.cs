namespace Juso.Domain.Common;

/// <summary>年度: 1 April to 31 March, named by the calendar year it starts in.</summary>
public readonly record struct FiscalYear(int StartYear) : IComparable<FiscalYear>
{
    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public DateOnly FirstDay => new(StartYear, 4, 1);

    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public int CompareTo(FiscalYear other) => StartYear.CompareTo(other.StartYear);
}
