using Juso.Domain.Ledger;

namespace Juso.Infrastructure.Ledger;

/// <summary>A row of a ledger: its number as the spreadsheet shows it, and its cells as text (aligned to the headings).</summary>
public sealed record LedgerRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>A ledger read from a file: its headings, its rows, or why it could not be read (then no rows).</summary>
public sealed record LedgerTable(IReadOnlyList<string> Headings, IReadOnlyList<LedgerRow> Rows, LedgerProblem? Problem)
{
    public static LedgerTable Unreadable(string message, int row = 0) => new([], [], new LedgerProblem(row, "ファイル", message));
}
