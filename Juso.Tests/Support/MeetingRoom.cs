using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Support;

/// <summary>Meetings of the demo chair for the room journeys (issue 12): the typical projected item, or plain agendas.</summary>
public static class MeetingRoom
{
    public static Task<JusoDbContext> DbAsync(PortalServer server) =>
        server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// A 支援会議 begun a minute ago (chair and 藤井 pledged), its one item under discussion: the typical case of
    /// 2 goals, 4 role assignments, 3 decisions and 3 action items.
    /// </summary>
    public static async Task<(int MeetingId, int ItemId)> TypicalItemUnderDiscussionAsync(PortalServer server)
    {
        await using var db = await DbAsync(server);
        var now = DateTimeOffset.UtcNow;
        var plan = await db.Plans.Include(p => p.Goals).Include(p => p.Assignments)
            .Where(p => p.Status == PlanStatus.Draft && p.Goals.Count == 2 && p.Assignments.Count >= 1 && p.Assignments.Count <= 4)
            .OrderByDescending(p => p.Id).FirstAsync();
        var agency = await db.Agencies.SingleAsync(a => a.Id == plan.Assignments[0].AgencyId);
        var tasks = new[] { "週1回の訪問で生活の様子を確認する", "通院の付き添いと服薬の確認", "家計の見直しと滞納の整理" };
        for (var i = 0; plan.Assignments.Count < 4; i++)
        {
            plan.AddAssignment(new AssignmentDetails(agency.Id, "大野 健", tasks[i], "週1回", AssignmentStatus.Planned, JapanDate.Today(now), null), agency, now);
        }
        var supportCase = await db.Cases.SingleAsync(c => c.Id == plan.SupportCaseId);
        var meeting = await ScheduleAsync(db, MeetingKind.Support, now.AddMinutes(-1), now);
        var item = meeting.AddAgendaItem(supportCase, AgendaPurpose.PlanProposal, 20, now);
        await db.SaveChangesAsync();
        meeting.StartItem(item.Id, now);
        foreach (var text in new[] { "プラン案のとおり役割分担を進める", "次回の会議で通院の状況を確認する", "長男の就労について地域若者サポートステーションにつなぐ" })
        {
            meeting.RecordDecision(item.Id, text, now);
        }
        foreach (var (text, days) in new[] { ("主治医に通院状況を照会する", 7), ("家計相談の初回面談を設定する", 14), ("民生委員に見守りを依頼する", 10) })
        {
            meeting.AddActionItem(item.Id, new ActionItemDetails(text, agency.Id, "大野 健", JapanDate.Today(now).AddDays(days)), now);
        }
        await db.SaveChangesAsync();
        return (meeting.Id, item.Id);
    }

    /// <summary>A 支援会議 at <paramref name="at"/> with <paramref name="items"/> open cases on its agenda; chair and 藤井 pledged.</summary>
    public static async Task<(int MeetingId, IReadOnlyList<int> ItemIds)> MeetingWithAgendaAsync(PortalServer server, DateTimeOffset at, int items)
    {
        await using var db = await DbAsync(server);
        var now = DateTimeOffset.UtcNow;
        var cases = await db.Cases.Where(c => c.Stage != CaseStage.Closed).OrderByDescending(c => c.Id).Take(items).ToListAsync();
        var meeting = await ScheduleAsync(db, MeetingKind.Support, at, now);
        var added = cases.Select(c => meeting.AddAgendaItem(c, AgendaPurpose.InformationSharing, 10, now)).ToList();
        await db.SaveChangesAsync();
        return (meeting.Id, added.Select(a => a.Id).ToList());
    }

    private static async Task<Meeting> ScheduleAsync(JusoDbContext db, MeetingKind kind, DateTimeOffset at, DateTimeOffset now)
    {
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var member = await db.Users.SingleAsync(u => u.UserName == "member.east");
        var meeting = Meeting.Schedule(kind, MeetingCadence.AdHoc, at, "第2会議室", new Actor(chair.Id, chair.DisplayName), chair.DisplayName, null, now);
        var agencyId = await db.Staff.Where(s => s.Id == member.StaffId).Select(s => (int?)s.AgencyId).SingleOrDefaultAsync();
        meeting.AddMember(member.Id, member.DisplayName, agencyId, now);
        meeting.RecordPledge(chair.Id, now);
        meeting.RecordPledge(member.Id, now);
        meeting.RecordAttendance(chair.Id, true, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    }
}
