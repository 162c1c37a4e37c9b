using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// An action item as the case page and the owner's home show it. An item of a 検討テーマ or lead has no case: it
/// carries the topic's title (for a lead only its number) and links to the meeting instead.
/// </summary>
public sealed record ActionItemView(int Id, int Version, int? CaseId, string? CaseNumber, string? TopicTitle, int MeetingId, bool MinutesApproved,
    string MeetingReference, DateOnly MeetingDay, string Text, string OwnerAgencyName, string? OwnerPerson, DateOnly DueOn, DateTime? CompletedAt,
    string? CompletedBy, bool MaySettle)
{
    public bool IsDone => CompletedAt is not null;

    /// <summary>Where the item is looked after: its case, or the meeting's minutes once approved (the board before).</summary>
    public string Link => LinkOf(CaseId, MeetingId, MinutesApproved);

    public static string LinkOf(int? caseId, int meetingId, bool minutesApproved) =>
        caseId is { } id ? $"/cases/{id}" : minutesApproved ? $"/meetings/{meetingId}/minutes" : $"/meetings/{meetingId}/board";

    public bool IsOverdueOn(DateOnly today) => !IsDone && DueOn < today;
}

/// <summary>
/// 対応事項 after the meeting: listed on the case page and on the owner's home, and marked done (or open again) by the
/// owner agency's staff or the case's coordinator, also after the minutes are approved.
/// </summary>
public sealed class ActionItemService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, CaseWork work, AuditLog audit, TimeProvider time)
{
    /// <summary>Every action item of the case, open first, soonest due first; empty when the user may not read the case.</summary>
    public async Task<IReadOnlyList<ActionItemView>> ForCaseAsync(int caseId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Agencies).SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is null || !CaseAccess.CanRead(await CaseAccess.ViewerAsync(db, user), supportCase))
        {
            return [];
        }
        return await ViewsAsync(db, user, q => q.Where(r => r.CaseId == caseId));
    }

    /// <summary>
    /// The open action items the user is to see to: those owned by their agency and those of the cases they coordinate;
    /// of a topic or lead item (no case, so no case confidentiality), those owned by their agency and those of the meetings they chair.
    /// </summary>
    /// <param name="settledHere">Items the user marked done on this page, kept listed so that a mistaken click can be undone.</param>
    public async Task<IReadOnlyList<ActionItemView>> OpenForMeAsync(IReadOnlyCollection<int>? settledHere = null)
    {
        var user = await currentUser.GetAsync();
        if (user.AgencyId is null && user.StaffId is null)
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var kept = settledHere ?? [];
        var coordinated = db.Cases.Where(c => c.CoordinatorStaffId != null && c.CoordinatorStaffId == user.StaffId).Select(c => c.Id);
        // Owning an item does not open a case without consent to an agency that may not see it (ADR 0014).
        var visible = CaseAccess.Visible(db.Cases, await CaseAccess.ViewerAsync(db, user)).Select(c => c.Id);
        return await ViewsAsync(db, user, q => q.Where(r => (r.CompletedAt == null || kept.Contains(r.Id)) && (r.CaseId == null
            ? r.OwnerAgencyId == user.AgencyId || r.ChairUserId == user.UserId
            : visible.Contains(r.CaseId.Value) && (r.OwnerAgencyId == user.AgencyId || coordinated.Contains(r.CaseId.Value)))));
    }

    public Task<SaveResult> CompleteAsync(int actionItemId, int expectedVersion) => SettleAsync(actionItemId, expectedVersion, done: true);

    public Task<SaveResult> ReopenAsync(int actionItemId, int expectedVersion) => SettleAsync(actionItemId, expectedVersion, done: false);

    private async Task<SaveResult> SettleAsync(int actionItemId, int expectedVersion, bool done)
    {
        await using var lookup = await factory.CreateDbContextAsync();
        var owner = await (from m in lookup.Meetings
                           from a in m.ActionItems
                           from i in m.Agenda
                           where a.Id == actionItemId && i.Id == a.AgendaItemId
                           select new { MeetingId = m.Id, i.SupportCaseId }).SingleOrDefaultAsync();
        if (owner is null)
        {
            return SaveResult.NotFound();
        }
        if (owner.SupportCaseId is not { } caseId)
        {
            return await SettleWithoutCaseAsync(owner.MeetingId, actionItemId, expectedVersion, done);
        }
        // The rule of who may settle it is the domain's; CaseWork checks the user may work on the case at all.
        return await work.ChangeAsync(caseId, null, AuditAction.ActionItemSettled, (_, _) => true, async c =>
        {
            var meeting = await c.Db.Meetings.Include(m => m.Agenda).Include(m => m.ActionItems)
                .SingleAsync(m => m.ActionItems.Any(a => a.Id == actionItemId));
            var action = meeting.ActionItems.Single(a => a.Id == actionItemId);
            if (action.Version != expectedVersion)
            {
                throw new StaleVersionException();
            }
            var settler = new ActionItemSettler(c.User.Actor, c.User.AgencyId, c.User.StaffId);
            if (done)
            {
                meeting.CompleteActionItem(actionItemId, settler, c.Case, c.Now);
            }
            else
            {
                meeting.ReopenActionItem(actionItemId, settler, c.Case);
            }
            return $"対応事項 {actionItemId}（{meeting.Reference}）を{(done ? "完了" : "未完了に戻")}しました。";
        });
    }

    /// <summary>
    /// A topic or lead item's action item: no case, so no case access; the domain decides who may settle it (owner
    /// agency or chair). Only the action item's version moves, also after the minutes are approved.
    /// </summary>
    private async Task<SaveResult> SettleWithoutCaseAsync(int meetingId, int actionItemId, int expectedVersion, bool done)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await Saving.GuardAsync(async () =>
        {
            var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.ActionItems).SingleAsync(m => m.Id == meetingId);
            var action = meeting.ActionItems.Single(a => a.Id == actionItemId);
            if (action.Version != expectedVersion)
            {
                throw new StaleVersionException();
            }
            var settler = new ActionItemSettler(user.Actor, user.AgencyId, user.StaffId);
            if (done)
            {
                meeting.CompleteActionItemWithoutCase(actionItemId, settler, time.GetUtcNow());
            }
            else
            {
                meeting.ReopenActionItemWithoutCase(actionItemId, settler);
            }
            audit.Add(db, user, AuditAction.ActionItemSettled,
                detail: $"対応事項 {actionItemId}（{meeting.Reference}）を{(done ? "完了" : "未完了に戻")}しました。");
            await db.SaveChangesAsync();
            return SaveResult.Saved(actionItemId, action.Version);
        });
    }

    /// <summary>An action item with its meeting and case, flat so that a query can filter on any of it.</summary>
    private sealed class Row
    {
        public int Id { get; init; }
        public int Version { get; init; }
        public int? CaseId { get; init; }
        public string? TopicTitle { get; init; }
        public int MeetingId { get; init; }
        public string ChairUserId { get; init; } = string.Empty;
        public DateTime? MinutesApprovedAt { get; init; }
        public MeetingKind Kind { get; init; }
        public DateTime ScheduledAt { get; init; }
        public int Number { get; init; }
        public string Text { get; init; } = string.Empty;
        public int OwnerAgencyId { get; init; }
        public string? OwnerPerson { get; init; }
        public DateOnly DueOn { get; init; }
        public DateTime? CompletedAt { get; init; }
        public string? CompletedBy { get; init; }
    }

    private static async Task<List<ActionItemView>> ViewsAsync(JusoDbContext db, UserContext user, Func<IQueryable<Row>, IQueryable<Row>> filter)
    {
        var rows = await filter(from m in db.Meetings.AsNoTracking()
                                from a in m.ActionItems
                                from i in m.Agenda
                                where i.Id == a.AgendaItemId
                                select new Row
                                {
                                    Id = a.Id, Version = a.Version, CaseId = i.SupportCaseId, TopicTitle = i.TopicTitle, MeetingId = m.Id,
                                    ChairUserId = m.ChairUserId, MinutesApprovedAt = m.MinutesApprovedAt, Kind = m.Kind, ScheduledAt = m.ScheduledAt, Number = m.Number,
                                    Text = a.Text, OwnerAgencyId = a.OwnerAgencyId, OwnerPerson = a.OwnerPerson, DueOn = a.DueOn,
                                    CompletedAt = a.CompletedAt, CompletedBy = a.CompletedBy,
                                })
            .ToListAsync();
        var caseIds = rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FiscalYear, c.Sequence, c.CoordinatorStaffId }).ToDictionaryAsync(c => c.Id);
        var agencies = await Cases.CaseService.AgencyNamesAsync(db);
        var settler = new ActionItemSettler(user.Actor, user.AgencyId, user.StaffId);
        return rows.Select(r =>
            {
                var day = JapanDate.Today(JapanDate.FromUtc(r.ScheduledAt));
                var c = r.CaseId is { } caseId ? cases[caseId] : null;
                var maySettle = c is null ? ActionItem.MayBeSettledWithoutCaseBy(settler, r.OwnerAgencyId, r.ChairUserId)
                    : ActionItem.MayBeSettledBy(settler, r.OwnerAgencyId, c.CoordinatorStaffId);
                return new ActionItemView(r.Id, r.Version, r.CaseId, c is null ? null : SupportCase.FormatNumber(c.FiscalYear, c.Sequence),
                    r.TopicTitle, r.MeetingId, r.MinutesApprovedAt is not null, Meeting.ReferenceOf(r.Kind, FiscalYear.Of(day), r.Number), day, r.Text,
                    agencies.GetValueOrDefault(r.OwnerAgencyId, "（不明な機関）"), r.OwnerPerson, r.DueOn, r.CompletedAt, r.CompletedBy, maySettle);
            })
            .OrderBy(v => v.IsDone).ThenBy(v => v.DueOn).ThenBy(v => v.Id).ToList();
    }
}
