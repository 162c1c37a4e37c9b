using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Statistics;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Reports;

/// <summary>The targets of one 年度 as the form edits them; <see cref="Version"/> 0 until the year's first save.</summary>
public sealed class IndicatorTargetsForm
{
    public int FiscalYear { get; set; }

    public Dictionary<Indicator, decimal?> Values { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>目標値 per 年度 (administrators). A year's targets are saved all at once; a concurrent save is reported, never overwritten.</summary>
public sealed class IndicatorTargetsService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IndicatorTargetsForm> GetAsync(FiscalYear year)
    {
        await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var targets = await db.IndicatorTargets.AsNoTracking().SingleOrDefaultAsync(t => t.FiscalYear == year.StartYear);
        return new IndicatorTargetsForm
        {
            FiscalYear = year.StartYear,
            Values = IndicatorDefinition.All.ToDictionary(d => d.Indicator, d => targets?.TargetOf(d.Indicator)),
            Version = targets?.Version ?? 0,
        };
    }

    public async Task<SaveResult> SaveAsync(IndicatorTargetsForm form)
    {
        var user = await RequireAdministratorAsync();
        return await Saving.GuardAsync(async () =>
        {
            var now = time.GetUtcNow();
            await using var db = await factory.CreateDbContextAsync();
            var targets = await db.IndicatorTargets.SingleOrDefaultAsync(t => t.FiscalYear == form.FiscalYear);
            if (targets is null)
            {
                if (form.Version != 0)
                {
                    return SaveResult.Conflict();
                }
                targets = IndicatorTargets.For(new FiscalYear(form.FiscalYear), now);
                db.IndicatorTargets.Add(targets);
            }
            else
            {
                db.Entry(targets).Property(t => t.Version).OriginalValue = form.Version;
            }
            targets.Set(form.Values, now);
            audit.Add(db, user, AuditAction.IndicatorTargetsChanged,
                detail: $"{JapaneseFormat.FiscalYear(form.FiscalYear)}: {string.Join("、", targets.Targets.Select(t => $"{IndicatorDefinition.Of(t.Indicator).Label} {ReportFormat.Value(t.Value)}"))}");
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return SaveResult.Conflict();
            }
            return SaveResult.Saved(targets.Id, targets.Version);
        });
    }

    private async Task<UserContext> RequireAdministratorAsync()
    {
        var user = await currentUser.GetAsync();
        if (!user.IsInRole(JusoRoles.Administrator))
        {
            throw new AccessDeniedException();
        }
        return user;
    }
}
