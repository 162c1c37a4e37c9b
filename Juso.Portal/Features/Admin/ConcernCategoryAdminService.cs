using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>
/// The administrator's 相談分類 master data (docs/adr/0020): a 年度's list, and adding, renaming, retiring and reordering
/// from a 年度 on. Every change goes through <see cref="ConcernCategoryEntry"/>, is audited in the same save, and is
/// refused as a conflict when the master data changed since the administrator read it.
/// </summary>
public sealed class ConcernCategoryAdminService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<CategoryYearList> ListAsync(FiscalYear year)
    {
        await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var entries = await db.ConcernCategories.AsNoTracking().ToListAsync();
        var list = ConcernCategoryEntry.ListFor(year, entries);
        var retired = entries.Where(e => e.UntilYear == year.StartYear - 1 && !list.Any(l => l.Code == e.Code)).OrderBy(e => e.Order);
        return new CategoryYearList(year.StartYear, list.Select(Row).ToList(), retired.Select(Row).ToList(), Stamp(entries));
    }

    public Task<SaveResult> AddAsync(FiscalYear year, string stamp, CategoryForm form) =>
        ChangeAsync(stamp, (db, entries, now) =>
        {
            var order = entries.Select(e => e.Order).DefaultIfEmpty(0).Max() + 1;
            var entry = ConcernCategoryEntry.Add(form.Code, form.Name, year, order, entries, now);
            db.ConcernCategories.Add(entry);
            return $"追加: {entry.Name}（{entry.Code}、{JapaneseFormat.FiscalYear(year)}から）";
        });

    public Task<SaveResult> RenameAsync(FiscalYear year, string stamp, int id, string? name) =>
        ChangeAsync(stamp, (db, entries, now) =>
        {
            var entry = Find(entries, id);
            var before = entry.Name;
            var renamed = entry.RenameFrom(year, name, entries, now);
            if (renamed == entry)
            {
                return $"名称訂正: {before} → {entry.Name}（{entry.Code}、{JapaneseFormat.FiscalYear(year)}に使用開始）";
            }
            db.ConcernCategories.Add(renamed);
            return $"名称変更: {before} → {renamed.Name}（{entry.Code}、{JapaneseFormat.FiscalYear(year)}から）";
        });

    public Task<SaveResult> RetireAsync(FiscalYear year, string stamp, int id) =>
        ChangeAsync(stamp, (_, entries, now) =>
        {
            var entry = Find(entries, id);
            entry.RetireFrom(year, now);
            return $"廃止: {entry.Name}（{entry.Code}、{JapaneseFormat.FiscalYear(year)}から）";
        });

    /// <summary>Moves a category one place up (<paramref name="step"/> -1) or down (+1) in the list of <paramref name="year"/>.</summary>
    public Task<SaveResult> MoveAsync(FiscalYear year, string stamp, int id, int step) =>
        ChangeAsync(stamp, (_, entries, now) =>
        {
            var entry = Find(entries, id);
            ConcernCategoryEntry.Move(entry.Code, year, step, entries, now);
            return $"並べ替え: {entry.Name}を{(step < 0 ? "上" : "下")}へ（{JapaneseFormat.FiscalYear(year)}の一覧）";
        });

    private async Task<SaveResult> ChangeAsync(string stamp, Func<JusoDbContext, List<ConcernCategoryEntry>, DateTimeOffset, string> change)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var entries = await db.ConcernCategories.ToListAsync();
        if (Stamp(entries) != stamp)
        {
            return SaveResult.Conflict();
        }
        try
        {
            return await Saving.GuardAsync(async () =>
            {
                audit.Add(db, admin, AuditAction.ConcernCategoryChanged, detail: change(db, entries, time.GetUtcNow()));
                await db.SaveChangesAsync();
                return SaveResult.Saved(0, 0);
            });
        }
        catch (DbUpdateException)
        {
            // The same code added from the same 年度 by someone else a moment earlier (the unique index).
            return SaveResult.Conflict();
        }
    }

    private static ConcernCategoryEntry Find(List<ConcernCategoryEntry> entries, int id) =>
        entries.SingleOrDefault(e => e.Id == id) ?? throw new DomainException("分類が見つかりません。画面を再読み込みしてください。");

    private static CategoryRow Row(ConcernCategoryEntry e) => new(e.Id, e.Version, e.Code, e.Name, e.FromYear, e.UntilYear);

    private static string Stamp(IEnumerable<ConcernCategoryEntry> entries) =>
        string.Join(",", entries.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Version}"));
}
