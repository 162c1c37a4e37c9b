using System.Globalization;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// 会議のお知らせ: members and the chair are reminded of a meeting the configured days ahead (e.g. 3 and 1), with
/// the agenda as case numbers and purposes. A run that missed a day sends only the nearest reminder still due.
/// </summary>
public sealed class MeetingReminderJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer, ILogger<MeetingReminderJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = JapanDate.Today(now);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var settings = await ReminderSettingsService.CurrentAsync(db, now, cancellationToken);
        await writer.QueueUnsentMailAsync(cancellationToken);
        var days = settings.MeetingReminderDayList;
        if (!settings.MeetingRemindersEnabled || days.Count == 0)
        {
            return 0;
        }
        var nowUtc = now.UtcDateTime;
        var untilUtc = new DateTimeOffset(today.AddDays(days.Max() + 1).ToDateTime(TimeOnly.MinValue), JapanDate.Offset).UtcDateTime;
        var meetings = await db.Meetings.AsNoTracking().AsSplitQuery().Include(m => m.Members).Include(m => m.Agenda)
            .Where(m => m.ScheduledAt > nowUtc && m.ScheduledAt < untilUtc && m.CancelledAt == null).ToListAsync(cancellationToken);
        var caseIds = meetings.SelectMany(m => m.CaseIdsOnAgenda()).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => SupportCase.FormatNumber(c.FiscalYear, c.Sequence), cancellationToken);
        var userIds = meetings.SelectMany(m => m.Members.Select(x => x.UserId).Append(m.ChairUserId)).Distinct().ToList();
        var users = await AlertRecipients.ByUserIdAsync(db, userIds, cancellationToken);

        var drafts = new List<AlertDraft>();
        foreach (var meeting in meetings)
        {
            var at = JapanDate.FromUtc(meeting.ScheduledAt);
            var date = DateOnly.FromDateTime(at.DateTime);
            var daysAhead = date.DayNumber - today.DayNumber;
            // The nearest configured reminder not yet past: 2 days ahead with "3,1" is the 3-day reminder.
            var level = days.Where(d => d >= daysAhead).DefaultIfEmpty().Min();
            if (level == 0)
            {
                continue;
            }
            var title = $"会議のお知らせ：{meeting.Kind.Label()}（{at.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)}）";
            var agenda = meeting.Agenda.OrderBy(a => a.Order)
                .Select(a => a.SupportCaseId is { } caseId
                    ? $"{a.Order}. ケース {numbers.GetValueOrDefault(caseId, "—")}（{a.Purpose.Label()}）"
                    : a.Subject == AgendaSubject.Lead ? $"{a.Order}. {a.TopicTitle}（{a.Purpose.Label()}）"
                    : $"{a.Order}. 検討テーマ「{a.TopicTitle}」（{a.Purpose.Label()}）").ToList();
            var heading = $"{JapaneseFormat.WarekiDateTime(at)}（{(daysAhead == 0 ? "今日" : $"{daysAhead}日後")}）"
                          + $"{(meeting.Place is null ? string.Empty : $"、{meeting.Place}")}で{meeting.Kind.Label()}（{meeting.Cadence.Label()}）を開催します。\n";
            var withAgenda = Shorten(heading + (agenda.Count == 0 ? "議題はまだ登録されていません。" : "議題:\n" + string.Join("\n", agenda)));
            // A 支援会議's cases are not shown to a member before their confidentiality pledge, not even as numbers.
            var beforePledge = Shorten(heading + $"議題（{agenda.Count}件）は、守秘義務の誓約の後にポータルで確認できます。");
            foreach (var userId in meeting.Members.Select(m => m.UserId).Append(meeting.ChairUserId).Distinct())
            {
                if (!users.TryGetValue(userId, out var user))
                {
                    continue;
                }
                var pledged = meeting.Members.FirstOrDefault(m => m.UserId == userId) is { } member && Meeting.MayShowCaseDetails(meeting.Kind, member.PledgedAt);
                var body = pledged ? withAgenda : beforePledge;
                drafts.Add(new AlertDraft(new NotificationKey(NotificationKind.MeetingReminder, meeting.Id, date, userId, level), null, title, body,
                    $"/meetings/{meeting.Id}", null, user.Email is { Length: > 0 } ? MailState.Pending : MailState.None));
            }
        }
        var raised = await writer.RaiseAsync(drafts, cancellationToken);
        logger.LogInformation("Meeting reminders: {Meetings} meeting(s) ahead, {Raised} new reminder(s).", meetings.Count, raised.Count);
        return raised.Count;
    }

    private static string Shorten(string body) => body.Length <= Notification.BodyMaxLength ? body : body[..(Notification.BodyMaxLength - 1)] + "…";
}
