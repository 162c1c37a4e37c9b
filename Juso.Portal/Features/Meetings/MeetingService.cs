using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// Meetings before the session: scheduling, members and their pledges, and the agenda (MeetingService.Agenda.cs). The chair of a meeting and
/// the coordinating roles prepare it; members see it once they may see its cases (a 支援会議 after the pledge).
/// </summary>
public sealed partial class MeetingService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time,
    MeetingWork work, BoardSnapshots snapshots)
{
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
