using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using DemoUsers = System.Collections.Generic.Dictionary<string, (string Id, string Name, int? AgencyId)>;

namespace Juso.Portal.Hosting;

/// <summary>ひばり野市's meetings for the demo: 重層的支援会議, 支援会議 and a 検討会議, past and coming.</summary>
internal static class MeetingDemoData
{
    /// <summary>
    /// Next week's regular 重層的支援会議 with plan proposals and monitoring of cases with consent, and an ad hoc 支援会議
    /// for cases without consent, whose members have not pledged yet; and last month's 支援会議, held, which discussed an
    /// アウトリーチプラン (returned for the outreach demo data).
    /// </summary>
    public static async Task<Meeting> SeedAsync(JusoDbContext db, DemoUsers users, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Include(c => c.Consents).Where(c => c.Stage != CaseStage.Closed).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        Meeting Schedule(MeetingKind kind, MeetingCadence cadence, int inDays, int hour, string place, params string[] members) =>
            ScheduleMeeting(users, today, now, kind, cadence, inDays, hour, place, members);

        var regular = Schedule(MeetingKind.MultiLayered, MeetingCadence.Regular, 7, 14, "ひばり野市役所 第1会議室", "coordinator", "supervisor", "member.east", "member.children");
        foreach (var c in cases.Where(c => c.CurrentConsent == ConsentStatus.Obtained && c.Stage == CaseStage.Planning).Take(2))
        {
            regular.AddAgendaItem(c, AgendaPurpose.PlanProposal, 15, now);
        }
        foreach (var c in cases.Where(c => c.CurrentConsent == ConsentStatus.Obtained && c.Stage == CaseStage.Support).Take(3))
        {
            regular.AddAgendaItem(c, AgendaPurpose.Monitoring, 10, now);
        }
        // 検討テーマ: an item without a case, as 立川's 検討会 holds them.
        regular.AddTopicItem("夜間・休日の移動支援が不足している", "通院や買い物の送迎を頼める先がない世帯が、高齢・障害の両分野で複数ある。不足している社会資源として検討する。",
            AgendaPurpose.ResourceGaps, 15, now);
        var adHoc = Schedule(MeetingKind.Support, MeetingCadence.AdHoc, 3, 10, "福祉総合相談課 相談室", "coordinator", "member.east");
        foreach (var c in cases.Where(c => c.CurrentConsent != ConsentStatus.Obtained).Take(2))
        {
            adHoc.AddAgendaItem(c, AgendaPurpose.InformationSharing, 20, now);
        }
        var held = Schedule(MeetingKind.Support, MeetingCadence.AdHoc, -20, 10, "福祉総合相談課 相談室", "coordinator");
        if (held.FiscalYear == adHoc.FiscalYear)
        {
            MeetingNumbering.Renumber([held, adHoc], now);
        }
        db.Meetings.AddRange(held, regular, adHoc);
        await db.SaveChangesAsync(cancellationToken);
        return held;
    }

    /// <summary>
    /// The 検討会議 in ten days (ADR 0031): the lead in 関係構築, whose approved アウトリーチプラン the board shows, and the
    /// woman living alone who refuses contact (見守り), with a first plan drafted for the members to discuss. Members see
    /// each lead by its own rule: the east 包括's member sees theirs and not the other.
    /// </summary>
    public static async Task SeedOutreachReviewAsync(JusoDbContext db, DemoUsers users, DateOnly today, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var leads = await db.OutreachLeads.OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var building = leads.First(l => l.Stage == LeadStage.Relationship);
        var refusing = leads.First(l => l.Stage == LeadStage.NotContacted);
        var east = users["member.east"];
        var plan = OutreachPlan.Draft(refusing, 1, "本人が困ったときに声をかけられる相手を地域の中に持てる。",
            "民生委員と地域包括支援センターが月1回、時間帯を変えて訪問し、顔なじみになる。夜の電気や郵便物の様子の見守りを自治会に依頼する。",
            new Actor(east.Id, east.Name), now.AddDays(-2));
        db.OutreachPlans.Add(plan);
        var review = ScheduleMeeting(users, today, now, MeetingKind.OutreachReview, MeetingCadence.Regular, 10, 15, "福祉総合相談課 相談室",
            "coordinator", "member.east");
        review.AddLeadItem(building, AgendaPurpose.InformationSharing, 20, now);
        review.AddLeadItem(refusing, AgendaPurpose.InformationSharing, 20, now);
        db.Meetings.Add(review);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A meeting <paramref name="inDays"/> from today at <paramref name="hour"/>, chaired by the demo chair, with the named demo users.</summary>
    private static Meeting ScheduleMeeting(DemoUsers users, DateOnly today, DateTimeOffset now, MeetingKind kind, MeetingCadence cadence, int inDays,
        int hour, string place, params string[] members)
    {
        var chair = users["chair"];
        var at = new DateTimeOffset(today.AddDays(inDays).ToDateTime(new TimeOnly(hour, 0)), JapanDate.Offset);
        var meeting = Meeting.Schedule(kind, cadence, at, place, new Actor(chair.Id, chair.Name), chair.Name, chair.AgencyId, now);
        foreach (var name in members)
        {
            meeting.AddMember(users[name].Id, users[name].Name, users[name].AgencyId, now);
        }
        return meeting;
    }
}
