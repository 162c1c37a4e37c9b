using System.Collections.Concurrent;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// The committed state of each open board, loaded once per change and shared by every viewer on this instance
/// (a projector and twenty laptops reload one query, not twenty-one). Who may see it is checked per viewer.
/// </summary>
public sealed class BoardSnapshots(IDbContextFactory<JusoDbContext> factory)
{
    /// <summary>
    /// However a change notice was lost (Redis down between instances), a snapshot, and the membership checked
    /// against it, is never older than this.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, Entry> _loaded = new();

    public async Task<BoardSnapshot?> GetAsync(int meetingId)
    {
        var entry = _loaded.AddOrUpdate(meetingId, id => new Entry(id, this, null),
            (id, existing) => existing.IsStale(MaxAge) ? new Entry(id, this, existing.Loaded) : existing);
        try
        {
            return await entry.Load.Value;
        }
        catch
        {
            _loaded.TryRemove(new KeyValuePair<int, Entry>(meetingId, entry));
            throw;
        }
    }

    /// <summary>A change was committed: the next viewer loads it, sharing what did not change with the snapshot before.</summary>
    public void Invalidate(int meetingId)
    {
        if (_loaded.TryGetValue(meetingId, out var entry))
        {
            entry.MarkStale();
        }
    }

    public void InvalidateAll()
    {
        foreach (var entry in _loaded.Values)
        {
            entry.MarkStale();
        }
    }

    /// <summary>Nobody follows the meeting on this instance any more: its snapshot is dropped.</summary>
    public void Release(int meetingId) => _loaded.TryRemove(meetingId, out _);

    private sealed class Entry(int meetingId, BoardSnapshots owner, BoardSnapshot? before)
    {
        private readonly long _loadedAt = Environment.TickCount64;
        private volatile bool _stale;

        public Lazy<Task<BoardSnapshot?>> Load { get; } = new(async () => BoardSharing.Share(before, await owner.LoadAsync(meetingId)));

        /// <summary>The snapshot, once loaded.</summary>
        public BoardSnapshot? Loaded => Load.IsValueCreated && Load.Value.IsCompletedSuccessfully ? Load.Value.Result : null;

        public bool IsStale(TimeSpan age) => _stale || Environment.TickCount64 - _loadedAt > age.TotalMilliseconds;

        public void MarkStale() => _stale = true;
    }

    public const string WithoutConsent = "（本人同意がないため表示しません）";

    /// <summary>Checked by every viewer's circuit on each change: an index loop, no closure or enumerator per check.</summary>
    public static MeetingAccess AccessOf(BoardSnapshot board, string userId)
    {
        var members = board.Members;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member.UserId == userId)
            {
                return Meeting.MayShowCaseDetails(board.Kind, member.PledgedAt) ? MeetingAccess.Allowed : MeetingAccess.NeedsPledge;
            }
        }
        return MeetingAccess.Denied;
    }

    private static BoardCapture Captured(AgendaItem item, IReadOnlyDictionary<int, string> agencies, IReadOnlyDictionary<int, string> goals,
        IReadOnlyDictionary<int, Domain.Plans.RoleAssignment> assignments) =>
        new(item.Findings, item.NextMonitoringDue,
            item.CapturedGoals.Select(g => new CapturedGoalView(g.GoalId, goals.GetValueOrDefault(g.GoalId, "（削除された目標）"), g.Progress, g.Note)).ToList(),
            item.CapturedAssignments.Select(x => assignments.TryGetValue(x.AssignmentId, out var assignment)
                ? new CapturedAssignmentView(x.AssignmentId, agencies.GetValueOrDefault(assignment.AgencyId, "（不明な機関）"), assignment.Task, x.Note)
                : new CapturedAssignmentView(x.AssignmentId, "（削除された役割分担）", string.Empty, x.Note)).ToList(),
            item.ClosureEvaluation, item.ClosureReason, item.CarryingOnAgencyId,
            item.CarryingOnAgencyId is { } id ? agencies.GetValueOrDefault(id) : null, item.HandBackReason);

    /// <summary>前回の対応事項 of each case on the agenda, from the meetings held before this one (ActionItem.IsCarriedForward).</summary>
    internal static async Task<ILookup<int, PreviousActionItem>> PreviousActionItemsAsync(JusoDbContext db, Meeting meeting, IReadOnlyCollection<int> caseIds,
        IReadOnlyDictionary<int, string> agencies)
    {
        var earlier = db.Meetings.AsNoTracking().Where(m => m.ScheduledAt < meeting.ScheduledAt && m.Id != meeting.Id);
        var previousMeetingAt = await (from m in earlier
                                       from i in m.Agenda
                                       where i.SupportCaseId != null && caseIds.Contains(i.SupportCaseId.Value)
                                       group m.ScheduledAt by i.SupportCaseId!.Value into g
                                       select new { CaseId = g.Key, At = g.Max() }).ToDictionaryAsync(x => x.CaseId, x => x.At);
        var rows = await (from m in earlier
                          from a in m.ActionItems
                          from i in m.Agenda
                          where i.Id == a.AgendaItemId && i.SupportCaseId != null && caseIds.Contains(i.SupportCaseId.Value)
                          select new { CaseId = i.SupportCaseId!.Value, a.Id, a.Text, a.OwnerAgencyId, a.OwnerPerson, a.DueOn, a.CompletedAt, a.CompletedBy, m.Kind, m.ScheduledAt, m.Number })
            .ToListAsync();
        return rows.Where(r => ActionItem.IsCarriedForward(r.CompletedAt, previousMeetingAt[r.CaseId]))
            .OrderBy(r => r.CompletedAt is not null).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .ToLookup(r => r.CaseId, r => new PreviousActionItem(r.Id,
                Meeting.ReferenceOf(r.Kind, FiscalYear.Of(JapanDate.Today(JapanDate.FromUtc(r.ScheduledAt))), r.Number), r.Text,
                agencies.GetValueOrDefault(r.OwnerAgencyId, "（不明な機関）"), r.OwnerPerson, r.DueOn, r.CompletedAt, r.CompletedBy));
    }

    private async Task<BoardSnapshot?> LoadAsync(int meetingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking().AsSplitQuery()
            .Include(m => m.Members).Include(m => m.Agenda).ThenInclude(a => a.AgreedAssignments).Include(m => m.Decisions).Include(m => m.ActionItems)
            .SingleOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return null;
        }
        var agencies = await CaseService.AgencyNamesAsync(db);
        var caseIds = meeting.CaseIdsOnAgenda();
        var cases = await (from c in db.Cases.AsNoTracking()
                           where caseIds.Contains(c.Id)
                           select new
                           {
                               c.Id,
                               c.FiscalYear,
                               c.Sequence,
                               c.CurrentConsent,
                               Principal = db.HouseholdMembers.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Principal)
                                   .Select(m => new { m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana }).FirstOrDefault(),
                           }).ToDictionaryAsync(c => c.Id);
        var plans = await db.Plans.AsNoTracking().AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments)
            .Where(p => caseIds.Contains(p.SupportCaseId))
            .ToListAsync();
        // Every version's goals and assignments: after a re-plan the minutes still name what the meeting reviewed.
        var goals = plans.SelectMany(p => p.Goals).ToDictionary(g => g.Id, g => g.Text);
        var assignments = plans.SelectMany(p => p.Assignments).ToDictionary(x => x.Id);
        var previous = await PreviousActionItemsAsync(db, meeting, caseIds, agencies);
        var latestPlans = plans.GroupBy(p => p.SupportCaseId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.PlanVersion)!);
        var leads = await BoardLeads.LoadAsync(db, meeting);

        List<BoardDecision> DecisionsOf(AgendaItem a) =>
            meeting.Decisions.Where(d => d.AgendaItemId == a.Id).OrderBy(d => d.RecordedAt).ThenBy(d => d.Id).Select(d => new BoardDecision(d.Id, d.Version, d.Text)).ToList();
        List<BoardActionItem> ActionItemsOf(AgendaItem a) =>
            meeting.ActionItems.Where(x => x.AgendaItemId == a.Id).OrderBy(x => x.DueOn).ThenBy(x => x.Id)
                .Select(x => new BoardActionItem(x.Id, x.Version, x.Text, x.OwnerAgencyId, agencies.GetValueOrDefault(x.OwnerAgencyId, "（不明な機関）"), x.OwnerPerson, x.DueOn)).ToList();

        var items = meeting.Agenda.OrderBy(a => a.Order).Select(a =>
        {
            if (a.SupportCaseId is not { } caseId)
            {
                return new BoardItem(a.Id, a.Version, a.Order, null, string.Empty, string.Empty, string.Empty, a.Purpose, a.Minutes, a.Outcome, null,
                    DecisionsOf(a), ActionItemsOf(a), [], BoardCapture.None, [])
                {
                    Topic = new BoardTopic(a.TopicTitle!, a.TopicDescription),
                    Lead = a.LeadId is { } leadId ? leads.GetValueOrDefault(leadId) : null,
                };
            }
            var c = cases[caseId];
            if (!Meeting.MayDiscuss(meeting.Kind, c.CurrentConsent))
            {
                // Consent withdrawn after the case was put on the agenda: a 重層的支援会議 shows nothing of it any more.
                return new BoardItem(a.Id, a.Version, a.Order, caseId, Domain.Cases.SupportCase.FormatNumber(c.FiscalYear, c.Sequence),
                    WithoutConsent, WithoutConsent, a.Purpose, a.Minutes, a.Outcome, null, [], [], [], BoardCapture.None, []);
            }
            var name = c.Principal is null ? "（本人未登録）" : $"{c.Principal.FamilyName}\u3000{c.Principal.GivenName}";
            var initials = c.Principal is null ? "＊" : $"{Domain.Common.KanaText.Initial(c.Principal.FamilyNameKana)}.{Domain.Common.KanaText.Initial(c.Principal.GivenNameKana)}.";
            return new BoardItem(a.Id, a.Version, a.Order, caseId, Domain.Cases.SupportCase.FormatNumber(c.FiscalYear, c.Sequence), name, initials,
                a.Purpose, a.Minutes, a.Outcome,
                latestPlans.TryGetValue(caseId, out var plan) ? PlanService.View(plan, agencies) : null,
                DecisionsOf(a), ActionItemsOf(a),
                a.AgreedAssignments.Select(x => new AgreedAssignmentView(x.AgencyName, x.PersonInCharge, x.Task, x.Frequency, x.Status)).ToList(),
                Captured(a, agencies, goals, assignments), previous[caseId].ToList());
        }).ToList();

        var members = meeting.Members.OrderByDescending(m => m.UserId == meeting.ChairUserId).ThenBy(m => m.Id)
            .Select(m => new MemberView(m.UserId, m.Name, m.AgencyId is { } id ? agencies.GetValueOrDefault(id) : null, m.UserId == meeting.ChairUserId, m.PledgedAt, m.Attended))
            .ToList();
        return new BoardSnapshot(meeting.Id, meeting.Version, meeting.Kind, meeting.Cadence, meeting.ScheduledAt, meeting.Reference, meeting.Place, meeting.ChairUserId, meeting.MasksNames,
            meeting.MinutesApprovedAt, meeting.CurrentAgendaItemId, meeting.CurrentItemStartedAt, members, items, meeting.EndedAt, meeting.CancelledAt);
    }
}
