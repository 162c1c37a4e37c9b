using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Community;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Outreach;
using Juso.Portal.Features.Participation;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Community;

/// <summary>
/// 地域づくり: places and recurring events, their sessions (延べ人数) and the consultations that came from them. A place is
/// not personal data; a referral to a case is, so it names the case only to those who may see it and is audited with its id.
/// </summary>
public sealed class CommunityService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<PlaceSummary>> ListAsync(PlaceKind? kind, bool includeArchived)
    {
        var year = FiscalYear.Of(JapanDate.Today(time.GetUtcNow()));
        await using var db = await factory.CreateDbContextAsync();
        var query = db.CommunityPlaces.AsNoTracking().Where(p => includeArchived || !p.IsArchived);
        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }
        return await query.OrderBy(p => p.IsArchived).ThenBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new PlaceSummary(p.Id, p.Name, p.Kind, p.Organiser, p.Location, p.Recurrence, p.IsArchived,
                p.Sessions.Count(s => s.HeldOn >= year.FirstDay && s.HeldOn <= year.LastDay),
                p.Sessions.Where(s => s.HeldOn >= year.FirstDay && s.HeldOn <= year.LastDay).Sum(s => s.Participants),
                p.Referrals.Count))
            .ToListAsync();
    }

    public async Task<PlaceView?> GetAsync(int placeId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var place = await db.CommunityPlaces.AsNoTracking().AsSplitQuery().Include(p => p.Sessions).Include(p => p.Referrals).SingleOrDefaultAsync(p => p.Id == placeId);
        if (place is null)
        {
            return null;
        }
        var caseIds = place.Referrals.Select(r => r.SupportCaseId).OfType<int>().Distinct().ToList();
        var visible = await CaseChoices.OfAsync(db, await CaseAccess.ViewerAsync(db, user), caseIds);
        if (visible.Count > 0)
        {
            await audit.WriteAsync(user, AuditAction.CaseListViewed, detail: $"居場所・イベント {place.Id} からつながった相談", caseIds: visible.Keys.ToList());
        }
        var leadIds = place.Referrals.Select(r => r.LeadId).OfType<int>().Distinct().ToList();
        var leads = leadIds.Count == 0 ? new Dictionary<int, string>()
            : await LeadAccess.Visible(db.OutreachLeads.AsNoTracking(), await LeadAccess.ViewerAsync(db, user)).Where(l => leadIds.Contains(l.Id))
                .ToDictionaryAsync(l => l.Id, l => new PlaceLeadOption(l.Id, l.Description).Label);
        if (leads.Count > 0)
        {
            await audit.WriteAsync(user, AuditAction.LeadListViewed, detail: $"居場所・イベント {place.Id} からつながった対象者", leadIds: leads.Keys.ToList());
        }
        return new PlaceView(place.Id, place.Version, place.Name, place.Kind, place.Organiser, place.Location, place.Recurrence, place.Description, place.IsArchived,
            place.Sessions.OrderByDescending(s => s.HeldOn).Select(s => new SessionView(s.Id, s.HeldOn, s.Participants, s.Note)).ToList(),
            place.Referrals.OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
                .Select(r => new ReferralView(r.Id, r.On, r.SupportCaseId is { } id ? visible.GetValueOrDefault(id) : null, r.Reference, r.Note)
                {
                    CaseWithheld = r.SupportCaseId is { } withheld && !visible.ContainsKey(withheld),
                    LeadId = r.LeadId is { } lead && leads.ContainsKey(lead) ? lead : null,
                    LeadLabel = r.LeadId is { } shownLead ? leads.GetValueOrDefault(shownLead, "（閲覧権限のない対象者）") : null,
                }).ToList(),
            place.TotalParticipants, ResourceDirectoryService.CanKeep(user));
    }

    /// <summary>主催 to choose from: the active agencies, then the organisers places already name, the most named first (docs/adr/0030).</summary>
    public async Task<IReadOnlyList<string>> OrganisersAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Field).ThenBy(a => a.Name).Select(a => a.Name).ToListAsync();
        var named = await db.CommunityPlaces.AsNoTracking().GroupBy(p => p.Organiser).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).ToListAsync();
        return [.. agencies, .. named.Except(agencies)];
    }

    public Task<SaveResult> CreateAsync(PlaceForm form) =>
        ChangeAsync(null, null, (db, _, now) =>
        {
            var place = CommunityPlace.Create(form.Details, now);
            db.CommunityPlaces.Add(place);
            return Task.FromResult((place, $"居場所・イベントの登録: {place.Name}", (int?)null));
        });

    public Task<SaveResult> UpdateAsync(int placeId, int expectedVersion, PlaceForm form) =>
        ChangeAsync(placeId, expectedVersion, (_, place, now) =>
        {
            place!.Update(form.Details, now);
            return Task.FromResult((place, $"居場所・イベントの変更: {place.Name}", (int?)null));
        });

    public Task<SaveResult> RecordSessionAsync(int placeId, int expectedVersion, SessionForm form) =>
        ChangeAsync(placeId, expectedVersion, (_, place, now) =>
        {
            var session = place!.RecordSession(MatchingForm.Day(form.HeldOn), form.Participants, form.Note, now);
            return Task.FromResult((place, $"{place.Name} の開催 {JapaneseFormat.Date(session.HeldOn)}（{session.Participants}人）", (int?)null));
        });

    /// <summary>Open leads the user may see (<see cref="LeadConfidentiality"/>), by number or words of how the person is known.</summary>
    public async Task<IReadOnlyList<PlaceLeadOption>> FindLeadsAsync(string? text)
    {
        var user = await currentUser.GetAsync();
        if (!ResourceDirectoryService.CanKeep(user))
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var leads = LeadAccess.Visible(db.OutreachLeads.AsNoTracking(), await LeadAccess.ViewerAsync(db, user));
        var term = text?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            leads = int.TryParse(term.Replace("No.", string.Empty, StringComparison.OrdinalIgnoreCase), out var number)
                ? leads.Where(l => l.Id == number) : leads.Where(l => l.Description.Contains(term));
        }
        var options = await leads.OrderByDescending(l => l.RegisteredOn).ThenByDescending(l => l.Id).Take(20)
            .Select(l => new PlaceLeadOption(l.Id, l.Description)).ToListAsync();
        if (options.Count > 0)
        {
            await audit.WriteAsync(user, AuditAction.LeadListViewed, detail: "居場所・イベントからつながった対象者の候補", leadIds: options.Select(o => o.Id).ToList());
        }
        return options;
    }

    /// <summary>Cases the user may see (<see cref="CaseConfidentiality"/>), by number (with or without its dash), 氏名 or フリガナ.</summary>
    public async Task<IReadOnlyList<CaseChoice>> FindCasesAsync(string? text)
    {
        var user = await currentUser.GetAsync();
        if (!ResourceDirectoryService.CanKeep(user))
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var choices = await CaseChoices.FindAsync(db, await CaseAccess.ViewerAsync(db, user), text);
        if (choices.Count > 0)
        {
            await audit.WriteAsync(user, AuditAction.CaseListViewed, detail: "居場所・イベントからつながった相談のケースの候補", caseIds: choices.Select(c => c.Id).ToList());
        }
        return choices;
    }

    /// <summary>A consultation that came from the place: a case the user may see, an アウトリーチ対象者 the user may see, or a free reference.</summary>
    public async Task<SaveResult> RecordReferralAsync(int placeId, int expectedVersion, ReferralForm form)
    {
        var user = await currentUser.GetAsync();
        if (form.Case is { } chosenCase)
        {
            // The list offered only cases the user may see; the choice is checked again, since a consent or a part may have changed since.
            await using var db = await factory.CreateDbContextAsync();
            if (!await CaseAccess.Visible(db.Cases.AsNoTracking(), await CaseAccess.ViewerAsync(db, user)).AnyAsync(c => c.Id == chosenCase.Id))
            {
                return SaveResult.Invalid("選択されたケースは見つからないか、閲覧する権限がありません。", nameof(ReferralForm.Case));
            }
        }
        if (form.Lead is { } chosen)
        {
            await using var db = await factory.CreateDbContextAsync();
            var lead = await db.OutreachLeads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == chosen.Id);
            if (lead is null || !LeadAccess.MaySee(await LeadAccess.ViewerAsync(db, user), lead))
            {
                return SaveResult.Invalid("選択されたアウトリーチ対象者は見つからないか、閲覧する権限がありません。", nameof(ReferralForm.Lead));
            }
        }
        return await ChangeAsync(placeId, expectedVersion, (_, place, now) =>
        {
            var referral = place!.RecordReferral(MatchingForm.Day(form.On), form.Case?.Id, form.Lead?.Id, form.Reference, form.Note, now);
            return Task.FromResult((place, $"{place.Name} からつながった相談 {JapaneseFormat.Date(referral.On)}", form.Case?.Id));
        });
    }

    public Task<SaveResult> ArchiveAsync(int placeId, int expectedVersion) =>
        ChangeAsync(placeId, expectedVersion, (_, place, now) =>
        {
            place!.Archive(now);
            return Task.FromResult((place, $"居場所・イベントのアーカイブ: {place.Name}", (int?)null));
        });

    private async Task<SaveResult> ChangeAsync(int? placeId, int? expectedVersion,
        Func<JusoDbContext, CommunityPlace?, DateTimeOffset, Task<(CommunityPlace Place, string Detail, int? CaseId)>> change)
    {
        var user = await currentUser.GetAsync();
        if (!ResourceDirectoryService.CanKeep(user))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: AuditAction.CommunityPlaceChanged.Label());
            return SaveResult.NotFound();
        }
        await using var db = await factory.CreateDbContextAsync();
        CommunityPlace? place = null;
        if (placeId is { } id)
        {
            place = await db.CommunityPlaces.AsSplitQuery().Include(p => p.Sessions).Include(p => p.Referrals).SingleOrDefaultAsync(p => p.Id == id);
            if (place is null)
            {
                return SaveResult.NotFound();
            }
            if (place.Version != expectedVersion)
            {
                return SaveResult.Conflict();
            }
        }
        return await Saving.GuardAsync(async () =>
        {
            var (saved, detail, caseId) = await change(db, place, time.GetUtcNow());
            audit.Add(db, user, AuditAction.CommunityPlaceChanged, caseId, detail: detail);
            await db.SaveChangesAsync();
            return SaveResult.Saved(saved.Id, saved.Version);
        });
    }
}
