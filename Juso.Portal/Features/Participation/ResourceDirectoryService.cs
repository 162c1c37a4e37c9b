using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Participation;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Participation;

/// <summary>
/// The directory of 社会資源 and, as its 不足 entries, the register of 不足している社会資源 the annual review reads
/// (<see cref="LackingAsync"/>). Resources hold no personal data: every case-work role reads and keeps them; changes are audited.
/// </summary>
public sealed class ResourceDirectoryService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<ResourceView>> ListAsync(ResourceFilter filter)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.SocialResources.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        else if (!filter.IncludeArchived)
        {
            query = query.Where(r => r.Status != ResourceStatus.Archived);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }
        if (filter.DevelopedOnly)
        {
            query = query.Where(r => r.IsDeveloped);
        }
        foreach (var word in (filter.Text ?? string.Empty).Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
        {
            query = query.Where(r => r.Name.Contains(word) || (r.Description != null && r.Description.Contains(word)) || (r.Place != null && r.Place.Contains(word))
                                     || (r.SuitedFor != null && r.SuitedFor.Contains(word)) || (r.Schedule != null && r.Schedule.Contains(word)));
        }
        return await ViewsAsync(db, query.OrderBy(r => r.Kind).ThenBy(r => r.Name).Take(500));
    }

    /// <summary>The register of 不足している社会資源: lacking resources raised in <paramref name="year"/> (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<ResourceView>> LackingAsync(FiscalYear? year = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.SocialResources.AsNoTracking().Where(r => r.Status == ResourceStatus.Lacking);
        if (year is { } y)
        {
            query = query.Where(r => r.RaisedOn >= y.FirstDay && r.RaisedOn <= y.LastDay);
        }
        return await ViewsAsync(db, query.OrderBy(r => r.RaisedOn).ThenBy(r => r.Id));
    }

    /// <summary>Resources a person can be matched to now, for the candidate and matching pickers.</summary>
    public async Task<IReadOnlyList<ResourceView>> AcceptingAsync() => await ListAsync(new ResourceFilter(Status: ResourceStatus.Available));

    public async Task<SaveResult> SaveAsync(ResourceFormMode mode, int? resourceId, int? expectedVersion, ResourceForm form) =>
        await ChangeAsync(resourceId, expectedVersion, (db, resource, now) =>
        {
            switch (mode)
            {
                case ResourceFormMode.Register:
                    resource = SocialResource.Register(form.Details, now);
                    break;
                case ResourceFormMode.RegisterDeveloped:
                    resource = SocialResource.RegisterDeveloped(form.Details, form.DevelopmentNote, now);
                    break;
                case ResourceFormMode.RecordLack:
                    resource = SocialResource.RecordLack(form.Details, form.RaisedAt, form.RaisedOn is { } on ? DateOnly.FromDateTime(on) : null, now);
                    break;
                case ResourceFormMode.Develop:
                    resource!.Develop(form.Details, form.DevelopmentNote, now);
                    break;
                default:
                    resource!.Update(form.Details, now);
                    break;
            }
            if (resourceId is null)
            {
                db.SocialResources.Add(resource!);
            }
            return Task.FromResult((resource!, $"{mode switch
            {
                ResourceFormMode.RecordLack => "不足している社会資源として登録",
                ResourceFormMode.Develop => "社会資源の開発を記録",
                ResourceFormMode.Update => "変更",
                _ => "登録",
            }}: {resource!.Name}"));
        });

    public Task<SaveResult> SetAcceptingAsync(int resourceId, int expectedVersion, bool accepting) =>
        ChangeAsync(resourceId, expectedVersion, (_, resource, now) =>
        {
            resource!.SetAccepting(accepting, now);
            return Task.FromResult((resource, $"{(accepting ? "受入再開" : "受入休止")}: {resource.Name}"));
        });

    public Task<SaveResult> ArchiveAsync(int resourceId, int expectedVersion) =>
        ChangeAsync(resourceId, expectedVersion, async (db, resource, now) =>
        {
            resource!.Archive(await db.ParticipationPlans.CountAsync(p => p.MatchedResourceId == resourceId && p.Status != ParticipationStatus.Ended), now);
            return (resource, $"アーカイブ: {resource.Name}");
        });

    public Task<SaveResult> RestoreAsync(int resourceId, int expectedVersion) =>
        ChangeAsync(resourceId, expectedVersion, (_, resource, now) =>
        {
            resource!.Restore(now);
            return Task.FromResult((resource, $"一覧に戻す: {resource.Name}"));
        });

    /// <summary>Deletes a resource entered by mistake; one a plan refers to is refused (archive it instead).</summary>
    public Task<SaveResult> DeleteAsync(int resourceId, int expectedVersion) =>
        ChangeAsync(resourceId, expectedVersion, async (db, resource, _) =>
        {
            resource!.CheckDeletable(await PlansReferringAsync(db, resourceId));
            db.SocialResources.Remove(resource);
            return (resource, $"削除: {resource.Name}");
        });

    private static Task<int> PlansReferringAsync(JusoDbContext db, int resourceId) =>
        db.ParticipationPlans.CountAsync(p => p.MatchedResourceId == resourceId || p.Candidates.Any(c => c.SocialResourceId == resourceId));

    private async Task<SaveResult> ChangeAsync(int? resourceId, int? expectedVersion,
        Func<JusoDbContext, SocialResource?, DateTimeOffset, Task<(SocialResource Resource, string Detail)>> change)
    {
        var user = await currentUser.GetAsync();
        if (!CanKeep(user))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: AuditAction.SocialResourceChanged.Label());
            return SaveResult.NotFound();
        }
        await using var db = await factory.CreateDbContextAsync();
        SocialResource? resource = null;
        if (resourceId is { } id)
        {
            resource = await db.SocialResources.SingleOrDefaultAsync(r => r.Id == id);
            if (resource is null)
            {
                return SaveResult.NotFound();
            }
            if (resource.Version != expectedVersion)
            {
                return SaveResult.Conflict();
            }
        }
        return await Saving.GuardAsync(async () =>
        {
            var (saved, detail) = await change(db, resource, time.GetUtcNow());
            audit.Add(db, user, AuditAction.SocialResourceChanged, detail: detail);
            await db.SaveChangesAsync();
            return SaveResult.Saved(saved.Id, saved.Version);
        });
    }

    /// <summary>The case-work roles keep the directory; the administrator manages the system, not its content.</summary>
    public static bool CanKeep(UserContext user) => CaseAccess.SeesAllCases(user) || CaseAccess.CanTakeIntake(user);

    internal static Task<IReadOnlyList<ResourceView>> ByIdsAsync(JusoDbContext db, IReadOnlyCollection<int> ids) =>
        ViewsAsync(db, db.SocialResources.AsNoTracking().Where(r => ids.Contains(r.Id)));

    private static async Task<IReadOnlyList<ResourceView>> ViewsAsync(JusoDbContext db, IQueryable<SocialResource> query) =>
        await query.Select(r => new ResourceView(r.Id, r.Version, r.Name, r.Kind, r.Status, r.Description, r.Place, r.Schedule, r.SuitedFor, r.ContactPerson,
                r.Accessibility, r.Capacity, r.RaisedAt, r.RaisedOn, r.IsDeveloped, r.DevelopedOn, r.DevelopmentNote,
                db.ParticipationPlans.Count(p => p.MatchedResourceId == r.Id && p.Status != ParticipationStatus.Ended),
                db.ParticipationPlans.Count(p => p.MatchedResourceId == r.Id || p.Candidates.Any(c => c.SocialResourceId == r.Id))))
            .ToListAsync();
}
