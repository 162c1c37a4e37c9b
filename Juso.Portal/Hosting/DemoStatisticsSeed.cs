using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Statistics;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Hosting;

/// <summary>
/// What the demo needs for 年度別実績 (/reports) beyond its cases: the programs its agencies carry out, the meetings
/// held over the past year, and this 年度's targets.
/// </summary>
internal static class DemoStatisticsSeed
{
    private static readonly (string Agency, SupportProgram Programs, string Department)[] Programs =
    [
        ("ひばり野市 福祉総合相談課", SupportProgram.ComprehensiveConsultation | SupportProgram.MultiAgency | SupportProgram.PlanMaking, "福祉総合相談課"),
        ("東部地域包括支援センター", SupportProgram.ComprehensiveConsultation, "高齢福祉課"),
        ("西部地域包括支援センター", SupportProgram.ComprehensiveConsultation, "高齢福祉課"),
        ("基幹相談支援センター", SupportProgram.ComprehensiveConsultation, "障害福祉課"),
        ("こども家庭センター", SupportProgram.ComprehensiveConsultation, "こども家庭課"),
        ("くらしサポートセンター（自立相談支援機関）", SupportProgram.ComprehensiveConsultation, "福祉総合相談課"),
        ("ひばり野市社会福祉協議会", SupportProgram.CommunityBuilding | SupportProgram.Participation, "福祉総合相談課"),
        ("ひきこもり地域支援センター", SupportProgram.Outreach, "福祉総合相談課"),
        ("地域若者サポートステーション", SupportProgram.Participation, "福祉総合相談課"),
    ];

    public static async Task SeedAsync(JusoDbContext db, string chairId, string chairName, int? chairAgencyId, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.ToListAsync(cancellationToken);
        foreach (var (name, programs, department) in Programs)
        {
            agencies.Single(a => a.Name == name).SetPrograms(programs, department, now);
        }

        // A regular 重層的支援会議 every two months over the past year, each discussing the open cases with consent of its day.
        var cases = await db.Cases.Where(c => c.Stage != CaseStage.Closed && c.CurrentConsent == ConsentStatus.Obtained)
            .OrderBy(c => c.IntakeDate).ToListAsync(cancellationToken);
        var chair = new Actor(chairId, chairName);
        for (var monthsAgo = 12; monthsAgo >= 2; monthsAgo -= 2)
        {
            var day = today.AddMonths(-monthsAgo);
            var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.Regular,
                new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), JapanDate.Offset), "ひばり野市役所 第1会議室", chair, chairName, chairAgencyId, now);
            foreach (var c in cases.Where(c => c.IntakeDate < day).Take(4 + monthsAgo % 3))
            {
                meeting.AddAgendaItem(c, AgendaPurpose.Monitoring, 10, now);
            }
            db.Meetings.Add(meeting);
        }
        var urgent = Meeting.Schedule(MeetingKind.Support, MeetingCadence.AdHoc,
            new DateTimeOffset(today.AddMonths(-5).ToDateTime(new TimeOnly(10, 0)), JapanDate.Offset), "福祉総合相談課 相談室", chair, chairName, chairAgencyId, now);
        foreach (var c in await db.Cases.Where(c => c.Stage != CaseStage.Closed && c.CurrentConsent != ConsentStatus.Obtained).Take(2).ToListAsync(cancellationToken))
        {
            urgent.AddAgendaItem(c, AgendaPurpose.InformationSharing, 20, now);
        }
        db.Meetings.Add(urgent);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var sameKindAndYear in (await db.Meetings.ToListAsync(cancellationToken)).GroupBy(m => (m.Kind, m.FiscalYear)))
        {
            MeetingNumbering.Renumber(sameKindAndYear, now);
        }

        // 武豊町's kind of targets for this 年度 (meetings ≥ 6, ≤ 12 cases a regular session) and two of 鶴岡市's.
        var targets = IndicatorTargets.For(FiscalYear.Of(today), now);
        targets.Set(new Dictionary<Indicator, decimal?>
        {
            [Indicator.NewIntakes] = 15,
            [Indicator.PlansMade] = 8,
            [Indicator.MeetingsHeld] = 6,
            [Indicator.CasesPerRegularSession] = 12,
            [Indicator.OutreachContinuous] = 40,
            [Indicator.OutreachConnected] = 6,
        }, now);
        db.IndicatorTargets.Add(targets);
        await db.SaveChangesAsync(cancellationToken);
    }
}
