using System.Text;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>
/// Browsing and exporting the audit log (administrators only; the browsing itself is audited). "Who saw this person"
/// is answered by filtering on a ケース番号: every row about the case, also the list, household, board and print views
/// that showed it among others.
/// </summary>
public sealed class AuditLogService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    /// <summary>The most rows one CSV export holds; narrow the search for more.</summary>
    public const int MaxExportRows = 50_000;

    public async Task<PagedResult<AuditRow>> SearchAsync(AuditSearch search, int page, int pageSize)
    {
        var user = await AdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var query = await FilterAsync(db, search);
        var total = await query.CountAsync();
        var rows = await RowsAsync(db, query.OrderByDescending(a => a.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize));
        await audit.WriteAsync(user, AuditAction.AuditLogViewed, detail: $"該当{total}件");
        return new PagedResult<AuditRow>(rows, total);
    }

    /// <summary>The rows of the search as CSV for Excel: UTF-8 with BOM, Japanese headers, newest first.</summary>
    public async Task<PrintedFile> ExportCsvAsync(AuditSearch search)
    {
        var user = await AdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var rows = await RowsAsync(db, (await FilterAsync(db, search)).OrderByDescending(a => a.Id).Take(MaxExportRows));
        var csv = new StringBuilder();
        csv.Append("日時,利用者,操作,ケース番号,世帯ID,接続元,詳細\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', new[]
            {
                JapaneseFormat.Timestamp(row.At), row.UserName, row.Action.Label(), string.Join(' ', row.CaseNumbers),
                row.HouseholdId?.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Address, row.Detail,
            }.Select(Field)).Append("\r\n");
        }
        await audit.WriteAsync(user, AuditAction.AuditLogViewed, detail: $"CSV出力 {rows.Count}件");
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return new PrintedFile(content, $"監査ログ_{JapanDate.InJapan(time.GetUtcNow()):yyyyMMddHHmmss}.csv", "text/csv; charset=utf-8", null);
    }

    private async Task<UserContext> AdministratorAsync()
    {
        var user = await currentUser.GetAsync();
        if (!user.IsInRole(JusoRoles.Administrator))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: "監査ログの閲覧");
            throw new AccessDeniedException();
        }
        return user;
    }

    private static async Task<IQueryable<AuditEntry>> FilterAsync(JusoDbContext db, AuditSearch search)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.UserName))
        {
            var name = search.UserName.Trim();
            query = query.Where(a => a.UserName.Contains(name) || a.UserId == name);
        }
        if (search.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(search.CaseNumber))
        {
            var caseId = await CaseIdOfAsync(db, search.CaseNumber.Trim());
            var mention = caseId is { } id ? AuditEntry.Mentions(id) : null;
            query = mention is null ? query.Where(_ => false) : query.Where(a => a.CaseId == caseId || (a.CaseIds != null && a.CaseIds.Contains(mention)));
        }
        if (search.From is { } from)
        {
            var fromUtc = Japan(from);
            query = query.Where(a => a.At >= fromUtc);
        }
        if (search.To is { } to)
        {
            // The whole last day; the calendar's last day has no next one to stop before.
            var toUtc = to.Date < DateTime.MaxValue.Date ? Japan(to.Date.AddDays(1)) : DateTime.MaxValue;
            query = query.Where(a => a.At < toUtc);
        }
        return query;
    }

    /// <summary>The case of a ケース番号 such as 2026-0007 (also 2026-7), or none.</summary>
    private static async Task<int?> CaseIdOfAsync(JusoDbContext db, string number)
    {
        var parts = number.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var year) || !int.TryParse(parts[1], out var sequence))
        {
            return null;
        }
        return await db.Cases.Where(c => c.FiscalYear == year && c.Sequence == sequence).Select(c => (int?)c.Id).SingleOrDefaultAsync();
    }

    private static async Task<List<AuditRow>> RowsAsync(JusoDbContext db, IQueryable<AuditEntry> query)
    {
        var entries = await query.ToListAsync();
        var ids = entries.SelectMany(e => e.ShownCaseIds).Distinct().ToList();
        var numbers = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.FiscalYear, c.Sequence }).ToListAsync())
            .ToDictionary(c => c.Id, c => SupportCase.FormatNumber(c.FiscalYear, c.Sequence));
        return entries.Select(e => new AuditRow(e.Id, e.At, e.UserName, e.Action,
                e.ShownCaseIds.Select(id => numbers.GetValueOrDefault(id, $"ID {id}")).ToList(), e.HouseholdId, e.Address, e.Detail))
            .ToList();
    }

    /// <summary>A CSV field, quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is defused for Excel.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>A date picked on screen is a day in Japan; the log stores UTC.</summary>
    private static DateTime Japan(DateTime day) => Domain.Common.JapanDate.At(day, null).UtcDateTime;
}
