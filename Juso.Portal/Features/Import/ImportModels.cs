using Juso.Domain.Ledger;
using Juso.Infrastructure.Ledger;

namespace Juso.Portal.Features.Import;

/// <summary>A 相談分類 a column of ○ marks can stand for.</summary>
public sealed record CategoryOption(string Code, string Name);

/// <summary>An agency an unknown value can be mapped to.</summary>
public sealed record AgencyOption(int Id, string Name);

/// <summary>An uploaded ledger, read, with the mapping proposed for its columns.</summary>
public sealed record LedgerUpload(string FileName, LedgerTable Table, IReadOnlyList<ColumnTarget> Proposed, IReadOnlyList<CategoryOption> Categories)
{
    public bool IsReadable => Table.Problem is null;

    /// <summary>The agencies an unknown 紹介元機関 or 主担当機関 can be mapped to.</summary>
    public IReadOnlyList<AgencyOption> Agencies { get; init; } = [];

    /// <summary>Whether the importer may create agencies and categories (administrators only; coordinators map).</summary>
    public bool MayCreateMasters { get; init; }
}

/// <summary>
/// What an import would do, or did: every problem (nothing is saved while there is one) and how many rows would be
/// new, updated (a changed row of a 台帳番号 already imported) or skipped as unchanged.
/// </summary>
public sealed record LedgerPreview(IReadOnlyList<LedgerProblem> Problems, int Rows, int New, int Updated, int Unchanged, bool Saved = false)
{
    public const int MaxProblemsShown = 500;

    public bool CanCommit => Problems.Count == 0 && Rows > 0;

    /// <summary>The agency and category values the master data does not know, for the user to map or create.</summary>
    public IReadOnlyList<LedgerUnknown> Unknowns { get; init; } = [];

    /// <summary>The master entries the commit will create, in words.</summary>
    public IReadOnlyList<string> Creations { get; init; } = [];

    public string Summary => $"新規 {New:N0}件、更新 {Updated:N0}件、変更なし {Unchanged:N0}件（全{Rows:N0}行）";
}
