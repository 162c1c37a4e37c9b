using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// A meeting's own course after it is scheduled: moved to another date, time or place, cancelled, or ended by the chair.
/// The chair and members are told of a move or a cancellation; the 第N回 of both 年度 a move touches is kept true.
/// </summary>
public sealed class MeetingScheduleService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, MeetingWork work, BoardSnapshots snapshots,
    NotificationWriter notifications)
{
    private const int PlacesOffered = 30;

    /// <summary>Other meetings, not cancelled, that book the chair, a member or the room of this one at the new time: a warning, not a refusal.</summary>
    public async Task<IReadOnlyList<BookingClash>> ClashesAsync(int meetingId, DateTime? date, TimeSpan? time, string? place)
    {
        if (date is not { } day || time is null)
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { People = m.Members.Select(x => x.UserId).ToList(), Minutes = m.Agenda.Sum(a => a.Minutes) }).SingleOrDefaultAsync();
        return meeting is null ? [] : await ClashesAsync(db, meetingId, meeting.People, Meeting.BookedMinutesOf(meeting.Minutes), JapanDate.At(day, time), place);
    }

    /// <summary>The same check for a meeting about to be scheduled: it books its chair and the one scheduling it, for the minimum time.</summary>
    public async Task<IReadOnlyList<BookingClash>> ClashesOfNewAsync(MeetingForm form)
    {
        if (form.Date is not { } day || form.Time is null)
        {
            return [];
        }
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var people = new[] { form.Chair?.UserId ?? user.UserId, user.UserId }.Distinct().ToList();
        return await ClashesAsync(db, null, people, Meeting.BookedMinutesOf(0), JapanDate.At(day, form.Time), form.Place);
    }

    private static async Task<IReadOnlyList<BookingClash>> ClashesAsync(JusoDbContext db, int? meetingId, IReadOnlyList<string> people, int minutes,
        DateTimeOffset at, string? place)
    {
        var start = at.UtcDateTime;
        // A day either side bounds the query; the overlap itself is the domain's rule.
        var from = start.AddDays(-1);
        var until = start.AddDays(1);
        var others = await db.Meetings.AsNoTracking()
            .Where(m => m.Id != meetingId && m.CancelledAt == null && m.ScheduledAt > from && m.ScheduledAt < until)
            .Select(m => new
            {
                m.Kind,
                m.ScheduledAt,
                m.Number,
                m.Place,
                Minutes = m.Agenda.Sum(a => a.Minutes),
                Booked = m.Members.Where(x => people.Contains(x.UserId)).Select(x => x.Name).ToList(),
            }).ToListAsync();
        return others.Select(o => new { Other = o, SameRoom = Meeting.SamePlace(place, o.Place) })
            .Where(o => (o.Other.Booked.Count > 0 || o.SameRoom) && Meeting.Overlaps(start, minutes, o.Other.ScheduledAt, Meeting.BookedMinutesOf(o.Other.Minutes)))
            .Select(o => new BookingClash(Meeting.ReferenceOf(o.Other.Kind, FiscalYear.Of(JapanDate.Today(JapanDate.FromUtc(o.Other.ScheduledAt))), o.Other.Number),
                o.Other.ScheduledAt, o.Other.Booked, o.SameRoom ? o.Other.Place : null))
            .ToList();
    }

    /// <summary>会議の場所 offered: the places meetings were held or booked in, the most used first (a new place can still be typed).</summary>
    public async Task<IReadOnlyList<string>> PlacesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Meetings.AsNoTracking().Where(m => m.Place != null).GroupBy(m => m.Place!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(PlacesOffered).ToListAsync();
    }

    /// <summary>Meetings a text may name (不足が挙がった場): the latest held or planned ones, as their references read.</summary>
    public async Task<IReadOnlyList<string>> ReferencesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CancelledAt == null).OrderByDescending(m => m.ScheduledAt)
            .Select(m => new { m.Kind, m.ScheduledAt, m.Number }).Take(PlacesOffered).ToListAsync();
        return [.. meetings.Select(m => Meeting.ReferenceOf(m.Kind, FiscalYear.Of(JapanDate.Today(JapanDate.FromUtc(m.ScheduledAt))), m.Number))];
    }

    public async Task<SaveResult> RescheduleAsync(int meetingId, RescheduleForm form)
    {
        string? before = null;
        var result = await work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => MeetingService.CanManage(u, m.ChairUserId), async c =>
        {
            if (form.Date is not null && form.Time is null)
            {
                throw new DomainException("開始時刻を入力してください。", nameof(RescheduleForm.Time));
            }
            var oldYear = c.Meeting.FiscalYear;
            before = Where(c.Meeting);
            c.Meeting.Reschedule(form.Date is { } date ? JapanDate.At(date, form.Time) : null, form.Place, c.Now);
            await RenumberAsync(c, oldYear);
            return new ChangeNote("日時・場所を変更", $"{before} → {Where(c.Meeting)}");
        });
        if (result.Succeeded)
        {
            await TellMembersAsync(meetingId, m => ($"会議の日時・場所が変わりました：{m.Reference}",
                $"{m.Reference}は、{before}から{Where(m)}に変更されました。"));
        }
        return result;
    }

    public async Task<SaveResult> CancelAsync(int meetingId, string? reason)
    {
        var result = await work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => MeetingService.CanManage(u, m.ChairUserId), async c =>
        {
            c.Meeting.Cancel(reason, c.Now);
            await RenumberAsync(c, c.Meeting.FiscalYear);
            return new ChangeNote("会議を中止", c.Meeting.CancelReason);
        });
        if (result.Succeeded)
        {
            await TellMembersAsync(meetingId, m => ($"会議は中止になりました：{m.Reference}",
                $"{JapaneseFormat.WarekiDateTime(m.ScheduledAt)}の{m.Reference}は中止になりました。" + (m.CancelReason is null ? string.Empty : $"\n理由: {m.CancelReason}")));
        }
        return result;
    }

    /// <summary>会議を終了: the chair closes the session; a meeting held earlier than planned takes the day it was held.</summary>
    public Task<SaveResult> EndAsync(int meetingId) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, (u, m) => u.UserId == m.ChairUserId, async c =>
        {
            var oldYear = c.Meeting.FiscalYear;
            c.Meeting.End(c.User.UserId, c.Now);
            await RenumberAsync(c, oldYear);
            return new ChangeNote("会議を終了");
        });

    private static string Where(Meeting meeting) =>
        JapaneseFormat.WarekiDateTime(meeting.ScheduledAt) + (meeting.Place is null ? string.Empty : $"（{meeting.Place}）");

    /// <summary>The meeting's 年度 after the change, and the one it left, are numbered again (ADR 0016).</summary>
    private async Task RenumberAsync(MeetingChange c, FiscalYear oldYear)
    {
        var meeting = c.Meeting;
        var sameYear = await c.Db.Meetings.OfKindAndYear(meeting.Kind, meeting.FiscalYear).Where(m => m.Id != meeting.Id).ToListAsync();
        MeetingNumbering.Renumber(sameYear.Append(meeting), c.Now);
        var touched = sameYear.Select(m => m.Id).ToList();
        if (oldYear != meeting.FiscalYear)
        {
            var left = await c.Db.Meetings.OfKindAndYear(meeting.Kind, oldYear).Where(m => m.Id != meeting.Id).ToListAsync();
            MeetingNumbering.Renumber(left, c.Now);
            touched.AddRange(left.Select(m => m.Id));
        }
        // Boards of the meetings that moved a number show it at their next load; this instance forgets them now.
        foreach (var id in touched)
        {
            snapshots.Invalidate(id);
        }
    }

    /// <summary>Tells the chair and members (not the one who changed it) once per change: the key carries the meeting's version.</summary>
    private async Task TellMembersAsync(int meetingId, Func<Meeting, (string Title, string Body)> message)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Members).SingleAsync(m => m.Id == meetingId);
        var userIds = meeting.Members.Select(m => m.UserId).Append(meeting.ChairUserId).Where(id => id != user.UserId).Distinct().ToList();
        var recipients = await AlertRecipients.ByUserIdAsync(db, userIds, CancellationToken.None);
        var (title, body) = message(meeting);
        var drafts = recipients.Values.Select(r => new AlertDraft(
            new NotificationKey(NotificationKind.MeetingChanged, meetingId, meeting.HeldOn, r.UserId, meeting.Version), null, title, body,
            $"/meetings/{meetingId}", null, r.Email is { Length: > 0 } ? MailState.Pending : MailState.None)).ToList();
        await notifications.RaiseAsync(drafts, CancellationToken.None);
    }
}
