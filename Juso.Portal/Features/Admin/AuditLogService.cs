using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>Browsing the audit log (administrators only; the browsing itself is audited).</summary>
public sealed class AuditLogService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<PagedResult<AuditRow>> SearchAsync(AuditSearch search, int page, int pageSize)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsInRole(JusoRoles.Administrator))
        {
            throw new AccessDeniedException();
        }
        await using var db = await factory.CreateDbContextAsync();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.UserName))
        {
            var name = search.UserName.Trim();
            query = query.Where(a => a.UserName.Contains(name));
        }
        if (search.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }
        if (search.CaseId is { } caseId)
        {
            query = query.Where(a => a.CaseId == caseId);
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
        var total = await query.CountAsync();
        var rows = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.CaseId, a.HouseholdId, a.Address, a.Detail))
            .ToListAsync();
        await audit.WriteAsync(user, AuditAction.AuditLogViewed, detail: $"該当{total}件");
        return new PagedResult<AuditRow>(rows, total);
    }

    /// <summary>A date picked on screen is a day in Japan; the log stores UTC.</summary>
    private static DateTime Japan(DateTime day) => Domain.Common.JapanDate.At(day, null).UtcDateTime;
}
