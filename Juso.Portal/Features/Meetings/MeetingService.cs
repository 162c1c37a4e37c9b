using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// Meetings before the session: scheduling, members and their pledges, and the agenda. The chair of a meeting and
/// the coordinating roles prepare it; members see it once they may see its cases (a 支援会議 after the pledge).
/// </summary>
public sealed class MeetingService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time,
    MeetingWork work, BoardSnapshots snapshots)
{
    /// <summary>How far past the meeting day a monitoring due date still makes a case worth suggesting.</summary>
    public const int SuggestionWindowDays = 14;

    public static bool CanSchedule(UserContext user) =>
        user.IsInRole(JusoRoles.Chair) || user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor);

    public static bool CanManage(UserContext user, string chairUserId) =>
        user.UserId == chairUserId || user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor);

    /// <summary>Members see a meeting once they may see its cases; those who prepare meetings see it to build the agenda.</summary>
    public static MeetingAccess AccessOf(UserContext user, BoardSnapshot meeting)
    {
        var asMember = BoardSnapshots.AccessOf(meeting, user.UserId);
        if (asMember != MeetingAccess.Denied)
        {
            return asMember;
        }
        return CanManage(user, meeting.ChairUserId) && CaseAccess.SeesAllCases(user) ? MeetingAccess.Allowed : MeetingAccess.Denied;
    }

    public async Task<UserContext> UserAsync() => await currentUser.GetAsync();

    public async Task<IReadOnlyList<MeetingSummary>> ListAsync(bool past)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var today = JapanDate.Today(time.GetUtcNow());
        var startOfToday = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), JapanDate.Offset).UtcDateTime;
        var meetings = db.Meetings.AsNoTracking();
        if (!CanSchedule(user))
        {
            meetings = meetings.Where(m => m.Members.Any(x => x.UserId == user.UserId));
        }
        meetings = past ? meetings.Where(m => m.ScheduledAt < startOfToday).OrderByDescending(m => m.ScheduledAt)
            : meetings.Where(m => m.ScheduledAt >= startOfToday).OrderBy(m => m.ScheduledAt);
        var rows = await meetings.Take(100).Select(m => new
        {
            m.Id,
            m.Kind,
            m.Cadence,
            m.ScheduledAt,
            m.Number,
            m.Place,
            ChairName = m.Members.Where(x => x.UserId == m.ChairUserId).Select(x => x.Name).FirstOrDefault(),
            MemberCount = m.Members.Count,
            ItemCount = m.Agenda.Count,
            m.MinutesApprovedAt,
            m.CancelledAt,
            IsMember = m.Members.Any(x => x.UserId == user.UserId),
        }).ToListAsync();
        return rows.Select(r => new MeetingSummary(r.Id, r.Kind, r.Cadence, r.ScheduledAt,
            Meeting.ReferenceOf(r.Kind, FiscalYear.Of(JapanDate.Today(JapanDate.FromUtc(r.ScheduledAt))), r.Number) + (r.CancelledAt is null ? string.Empty : Meeting.CancelledSuffix), r.Place, r.ChairName ?? string.Empty, r.MemberCount, r.ItemCount,
            r.MinutesApprovedAt is not null, r.IsMember)).ToList();
    }

    /// <summary>The meeting for its page, or null with the reason in <see cref="MeetingAccess"/>; opening it is audited.</summary>
    public async Task<(MeetingAccess Access, BoardSnapshot? Meeting)> OpenAsync(int meetingId)
    {
        var user = await currentUser.GetAsync();
        var meeting = await snapshots.GetAsync(meetingId);
        if (meeting is null)
        {
            return (MeetingAccess.Denied, null);
        }
        var access = AccessOf(user, meeting);
        await audit.WriteAsync(user, access == MeetingAccess.Allowed ? AuditAction.MeetingBoardViewed : AuditAction.AccessDenied,
            detail: $"会議 {meetingId}: {(access == MeetingAccess.Allowed ? "議題の閲覧" : access == MeetingAccess.NeedsPledge ? "誓約前の閲覧" : "会議の閲覧")}",
            caseIds: access == MeetingAccess.Allowed ? meeting.CaseIds : null);
        return (access, access == MeetingAccess.Allowed ? meeting : null);
    }

    /// <summary>The committed state again after a change was announced (the opening was audited already).</summary>
    public async Task<(MeetingAccess Access, BoardSnapshot? Meeting)> ReloadAsync(int meetingId)
    {
        var user = await currentUser.GetAsync();
        var meeting = await snapshots.GetAsync(meetingId);
        var access = meeting is null ? MeetingAccess.Denied : AccessOf(user, meeting);
        return (access, access == MeetingAccess.Allowed ? meeting : null);
    }

    /// <summary>Only the date and kind of a meeting the user is in but may not see yet, for the pledge page.</summary>
    public async Task<MeetingSummary?> HeaderAsync(int meetingId)
    {
        var user = await currentUser.GetAsync();
        var meeting = await snapshots.GetAsync(meetingId);
        if (meeting is null || AccessOf(user, meeting) == MeetingAccess.Denied)
        {
            return null;
        }
        return new MeetingSummary(meeting.MeetingId, meeting.Kind, meeting.Cadence, meeting.ScheduledAt, meeting.Reference, meeting.Place, meeting.ChairName,
            meeting.Members.Count, meeting.Items.Count, meeting.IsMinutesApproved, meeting.Members.Any(m => m.UserId == user.UserId));
    }

    public async Task<SaveResult> ScheduleAsync(MeetingForm form)
    {
        var user = await currentUser.GetAsync();
        if (!CanSchedule(user))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: "会議の登録");
            return SaveResult.NotFound();
        }
        return await Saving.GuardAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            DateTimeOffset? at = form.Date is { } date && form.Time is not null ? JapanDate.At(date, form.Time) : null;
            if (form.Date is not null && form.Time is null)
            {
                throw new DomainException("開始時刻を入力してください。", nameof(MeetingForm.Time));
            }
            // The chair is looked up again by id: the option came from the circuit, and its name and agency are not to be trusted.
            var chair = (await MemberOptionsAsync(db)).FirstOrDefault(o => o.UserId == (form.Chair?.UserId ?? user.UserId))
                ?? throw new DomainException("議長を選択してください。", nameof(MeetingForm.Chair));
            var meeting = Meeting.Schedule(form.Kind, form.Cadence, at, form.Place, new Actor(chair.UserId, chair.Name), chair.Name, chair.AgencyId, time.GetUtcNow());
            if (chair.UserId != user.UserId && (await MemberOptionsAsync(db)).FirstOrDefault(o => o.UserId == user.UserId) is { } self)
            {
                meeting.AddMember(self.UserId, self.Name, self.AgencyId, time.GetUtcNow());
            }
            var sameKindAndYear = await db.Meetings.OfKindAndYear(meeting.Kind, meeting.FiscalYear).ToListAsync();
            MeetingNumbering.Renumber(sameKindAndYear.Append(meeting), time.GetUtcNow());
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            audit.Add(db, user, AuditAction.MeetingScheduled, detail: $"会議 {meeting.Id}: {meeting.Reference}（{meeting.Cadence.Label()}）");
            await db.SaveChangesAsync();
            // The later meetings of the year may have moved up a number; other instances catch up within BoardSnapshots.MaxAge.
            foreach (var renumbered in sameKindAndYear)
            {
                snapshots.Invalidate(renumbered.Id);
            }
            return SaveResult.Saved(meeting.Id, meeting.Version);
        });
    }

    public Task<SaveResult> AddMemberAsync(int meetingId, MemberOption? member) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), async c =>
        {
            if (member is null || !(await MemberOptionsAsync(c.Db)).Any(o => o.UserId == member.UserId))
            {
                throw new DomainException("構成員にする職員を選択してください。", "Member");
            }
            c.Meeting.AddMember(member.UserId, member.Name, member.AgencyId, c.Now);
            return new ChangeNote("構成員を追加", member.Name);
        });

    public Task<SaveResult> RemoveMemberAsync(int meetingId, string userId) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), c =>
        {
            var name = c.Meeting.Members.FirstOrDefault(m => m.UserId == userId)?.Name;
            c.Meeting.RemoveMember(userId, c.Now);
            return Task.FromResult(new ChangeNote("構成員から外す", name));
        });

    /// <summary>守秘義務の誓約: each member for themselves, for this meeting.</summary>
    public Task<SaveResult> PledgeAsync(int meetingId) =>
        work.ChangeAsync(meetingId, AuditAction.PledgeRecorded, (u, m) => m.IsMember(u.UserId), c =>
        {
            c.Meeting.RecordPledge(c.User.UserId, c.Now);
            return Task.FromResult(new ChangeNote("守秘義務の誓約"));
        });

    public Task<SaveResult> AddAgendaItemAsync(int meetingId, AgendaItemForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId) && CaseAccess.SeesAllCases(u), async c =>
        {
            var supportCase = form.Case is { } option
                ? await c.Db.Cases.Include(x => x.Consents).SingleOrDefaultAsync(x => x.Id == option.CaseId)
                : null;
            if (supportCase is null)
            {
                throw new DomainException("議題にするケースを選択してください。", nameof(AgendaItemForm.Case));
            }
            var item = c.Meeting.AddAgendaItem(supportCase, form.Purpose, form.Minutes, c.Now);
            c.CaseId = supportCase.Id;
            c.Created = () => item.Id;
            return new ChangeNote("議題に追加", $"{supportCase.Number}（{form.Purpose.Label()}）");
        });

    /// <summary>A 検討テーマ without a case: no case to see, so those who prepare the meeting may add it without seeing every case.</summary>
    public Task<SaveResult> AddTopicItemAsync(int meetingId, AgendaTopicForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), c =>
        {
            var item = c.Meeting.AddTopicItem(form.TopicTitle, form.TopicDescription, form.Purpose, form.Minutes, c.Now);
            c.Created = () => item.Id;
            return Task.FromResult(new ChangeNote("検討テーマを議題に追加", form.Purpose.Label()));
        });

    /// <summary>Moves an item to a position of the agenda as the user saw it; an agenda changed since is a conflict.</summary>
    public Task<SaveResult> MoveAgendaItemAsync(int meetingId, int itemId, int position, int expectedMeetingVersion) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), c =>
        {
            c.Meeting.MoveAgendaItem(itemId, position, c.Now);
            return Task.FromResult(new ChangeNote("議題の順番を変更", $"{position}番目へ"));
        }, expectedMeetingVersion);

    public Task<SaveResult> RemoveAgendaItemAsync(int meetingId, int itemId) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), c =>
        {
            c.CaseId = c.Meeting.Agenda.FirstOrDefault(a => a.Id == itemId)?.SupportCaseId;
            c.Meeting.RemoveAgendaItem(itemId, c.Now);
            return Task.FromResult(new ChangeNote("議題から外す"));
        });

    /// <summary>Cases in support whose monitoring falls due by shortly after the meeting, not yet on its agenda.</summary>
    public async Task<IReadOnlyList<AgendaSuggestion>> SuggestionsAsync(int meetingId)
    {
        var user = await currentUser.GetAsync();
        var meeting = await snapshots.GetAsync(meetingId);
        if (meeting is null || !CanManage(user, meeting.ChairUserId) || !CaseAccess.SeesAllCases(user))
        {
            return [];
        }
        var until = JapanDate.AddDaysWithinCalendar(JapanDate.Today(JapanDate.FromUtc(meeting.ScheduledAt)), SuggestionWindowDays);
        var onAgenda = meeting.CaseIds;
        await using var db = await factory.CreateDbContextAsync();
        var rows = await (from p in db.Plans.AsNoTracking()
                          join c in db.Cases.AsNoTracking() on p.SupportCaseId equals c.Id
                          where p.Status == PlanStatus.Active && p.NextMonitoringDue != null && p.NextMonitoringDue <= until && !onAgenda.Contains(c.Id)
                                && c.Stage != CaseStage.Closed
                          orderby p.NextMonitoringDue
                          select new
                          {
                              c.Id,
                              c.FiscalYear,
                              c.Sequence,
                              Due = p.NextMonitoringDue!.Value,
                              Consent = c.CurrentConsent,
                              Principal = db.HouseholdMembers.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Principal)
                                  .Select(m => m.FamilyName + "\u3000" + m.GivenName).FirstOrDefault(),
                          }).Take(50).ToListAsync();
        return rows.Select(r => new AgendaSuggestion(r.Id, SupportCase.FormatNumber(r.FiscalYear, r.Sequence), r.Principal ?? "（本人未登録）", r.Due,
            r.Consent == ConsentStatus.Obtained)).ToList();
    }

    /// <summary>Open cases matching a number or a name, for the agenda's case picker.</summary>
    public async Task<IReadOnlyList<CaseOption>> FindCasesAsync(string? text)
    {
        var user = await currentUser.GetAsync();
        if (!CanSchedule(user) || !CaseAccess.SeesAllCases(user))
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Closed);
        var term = text?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var number = term.Split('-');
            if (number.Length == 2 && int.TryParse(number[0], out var year) && int.TryParse(number[1], out var sequence))
            {
                query = query.Where(c => c.FiscalYear == year && c.Sequence == sequence);
            }
            else
            {
                var kana = KanaText.ToKatakana(term) ?? term;
                query = query.Where(c => db.HouseholdMembers.Any(m => m.HouseholdId == c.HouseholdId
                    && (m.FamilyName.Contains(term) || m.GivenName.Contains(term) || m.FamilyNameKana.Contains(kana) || m.GivenNameKana.Contains(kana))));
            }
        }
        var rows = await query.OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Sequence).Take(20).Select(c => new
        {
            c.Id,
            c.FiscalYear,
            c.Sequence,
            Consent = c.CurrentConsent,
            Principal = db.HouseholdMembers.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Principal)
                .Select(m => m.FamilyName + "\u3000" + m.GivenName).FirstOrDefault(),
        }).ToListAsync();
        return rows.Select(r => new CaseOption(r.Id, SupportCase.FormatNumber(r.FiscalYear, r.Sequence), r.Principal ?? "（本人未登録）", r.Consent == ConsentStatus.Obtained)).ToList();
    }

    public async Task<IReadOnlyList<MemberOption>> MemberOptionsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await MemberOptionsAsync(db);
    }

    /// <summary>Active users with a staff record (the people who work on cases), with their agency.</summary>
    private static async Task<IReadOnlyList<MemberOption>> MemberOptionsAsync(JusoDbContext db) =>
        await (from u in db.Users.AsNoTracking()
               join s in db.Staff on u.StaffId equals s.Id
               join a in db.Agencies on s.AgencyId equals a.Id
               where u.IsActive && s.IsActive && a.IsActive
               orderby a.Name, s.Kana
               select new MemberOption(u.Id, u.DisplayName, a.Id, a.Name)).ToListAsync();
}
