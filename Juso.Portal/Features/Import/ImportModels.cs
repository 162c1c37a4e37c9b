using Juso.Domain.Ledger;
using Juso.Infrastructure.Ledger;

namespace Juso.Portal.Features.Import;

/// <summary>A 相談分類 a column of ○ marks can stand for.</summary>
public sealed record CategoryOption(string Code, string Name);

/// <summary>An uploaded ledger, read, with the mapping proposed for its columns.</summary>
public sealed record LedgerUpload(string FileName, LedgerTable Table, IReadOnlyList<ColumnTarget> Proposed, IReadOnlyList<CategoryOption> Categories)
{
    public bool IsReadable => Table.Problem is null;
}

/// <summary>
/// What an import would do, or did: every problem (nothing is saved while there is one) and how many rows would be
/// new, updated (a changed row of a 台帳番号 already imported) or skipped as unchanged.
/// </summary>
public sealed record LedgerPreview(IReadOnlyList<LedgerProblem> Problems, int Rows, int New, int Updated, int Unchanged, bool Saved = false)
{
    public const int MaxProblemsShown = 500;

    public bool CanCommit => Problems.Count == 0 && Rows > 0;

    public string Summary => $"新規 {New:N0}件、更新 {Updated:N0}件、変更なし {Unchanged:N0}件（全{Rows:N0}行）";
}
