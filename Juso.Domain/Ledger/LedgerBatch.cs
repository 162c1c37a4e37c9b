using Juso.Domain.Households;

namespace Juso.Domain.Ledger;

/// <summary>The checks across rows: one row per 台帳番号, and a household (rows sharing a 世帯番号) with exactly one 本人.</summary>
public static class LedgerBatch
{
    public static IReadOnlyList<LedgerProblem> Check(IReadOnlyList<LedgerRecord> records, IReadOnlyList<(int Row, string Number)> numbers)
    {
        var problems = new List<LedgerProblem>();
        var numberColumn = LedgerFields.Of(LedgerField.LedgerNumber).Heading;
        foreach (var group in numbers.Where(n => n.Number.Length > 0).GroupBy(n => LedgerText.Key(n.Number)).Where(g => g.Count() > 1))
        {
            var first = group.First();
            problems.AddRange(group.Skip(1).Select(n => new LedgerProblem(n.Row, numberColumn,
                $"台帳番号「{n.Number}」が{first.Row}行目と重複しています。1つの台帳番号は1行にしてください。")));
        }
        var relationshipColumn = LedgerFields.Of(LedgerField.Relationship).Heading;
        foreach (var household in Households(records))
        {
            var principals = household.Count(r => r.Member.Relationship == Relationship.Principal);
            if (principals != 1)
            {
                problems.Add(new LedgerProblem(household[0].Row, relationshipColumn, household[0].HouseholdNumber is null
                    ? "続柄が「本人」でない人の行は、本人の行と同じ世帯番号にしてください。"
                    : $"世帯番号「{household[0].HouseholdNumber}」の行（{string.Join("・", household.Select(r => r.Row + "行目"))}）には、続柄「本人」の行が1つだけ必要です（今は{principals}つ）。"));
            }
            if (household.Count > Household.MaxMembers)
            {
                problems.Add(new LedgerProblem(household[0].Row, LedgerFields.Of(LedgerField.HouseholdNumber).Heading,
                    $"世帯番号「{household[0].HouseholdNumber}」の行が{household.Count}行あります。1世帯は{Household.MaxMembers}人までです。"));
            }
        }
        return problems;
    }

    /// <summary>The rows of each household: those sharing a 世帯番号, or a row alone.</summary>
    public static IEnumerable<IReadOnlyList<LedgerRecord>> Households(IEnumerable<LedgerRecord> records) =>
        records.GroupBy(r => r.HouseholdNumber is { } number ? "#" + LedgerText.Key(number) : "row" + r.Row).Select(g => (IReadOnlyList<LedgerRecord>)g.ToList());
}
