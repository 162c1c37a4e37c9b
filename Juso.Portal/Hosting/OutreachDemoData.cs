using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Hosting;

/// <summary>
/// ひばり野市's アウトリーチ対象者リスト for the demo: leads at every stage, from every kind of source, some overdue for
/// contact (so the home page and the bell have something to show), one plan discussed in a past 支援会議, one lead
/// ready for intake and one that became a case.
/// </summary>
internal static class OutreachDemoData
{
    private sealed record LeadSeed(string Description, string Address, LeadSource Source, int? SourceAgency, string SourceNote, string Worry,
        int Agency, int Staff, int EveryDays, int RegisteredDaysAgo, (OutreachMethod Method, OutreachOutcome Outcome, int DaysAgo, string Note)[] Attempts,
        LeadStage Stage);

    private static readonly LeadSeed[] Seeds =
    [
        new("東町2丁目の○○さん宅の長男（40代）", "ひばり野市東町2丁目8番地", LeadSource.CommissionedVolunteer, null, "東町地区の民生委員",
            "10年以上ほとんど外出していない様子。70代の母が最近入院し、食事が取れているか心配との情報。", 0, 0, 14, 70,
            [(OutreachMethod.Letter, OutreachOutcome.NotHome, 65, "自己紹介の手紙を投函。"), (OutreachMethod.NoteLeft, OutreachOutcome.NotHome, 50, "訪問したが応答なし。置き手紙。"),
             (OutreachMethod.Visit, OutreachOutcome.Met, 30, "玄関先で短時間会えた。体調は悪くないとのこと。"), (OutreachMethod.Visit, OutreachOutcome.Talked, 9, "ゲームの話を15分ほど。次回の訪問を了承。")],
            LeadStage.Relationship),
        new("西町の一人暮らしの女性（70代）", "ひばり野市西町4丁目15番地", LeadSource.Neighbour, null, "隣家の住民",
            "庭にごみがたまり、夜も電気がつかない日がある。近所づきあいを避けている。", 1, 0, 7, 30,
            [(OutreachMethod.Visit, OutreachOutcome.NotHome, 25, "不在。"), (OutreachMethod.Visit, OutreachOutcome.Refused, 12, "インターホン越しに「用はない」と断られた。")],
            LeadStage.NotContacted),
        new("中学2年の男子生徒（不登校）", "ひばり野市南町1丁目", LeadSource.School, 10, "ひばり野中学校 SSW",
            "2学期からほとんど登校していない。父子家庭で父は夜勤が多い。", 5, 0, 14, 40,
            [(OutreachMethod.Call, OutreachOutcome.Talked, 33, "父と電話で話せた。本人は家で過ごしているとのこと。"), (OutreachMethod.Accompaniment, OutreachOutcome.Met, 6, "SSWの家庭訪問に同行し、本人と会えた。")],
            LeadStage.Contacted),
        new("南町の○○さん宅の次女（30代）", "ひばり野市南町3丁目21番地", LeadSource.FamilyAssociation, null, "ひきこもり家族会",
            "大学卒業後から自宅で過ごす。家族会に参加している母から、本人が働くことを考え始めたと聞いた。", 12, 0, 14, 120,
            [(OutreachMethod.Message, OutreachOutcome.Talked, 100, "母経由でメッセージのやりとりを始めた。"), (OutreachMethod.Visit, OutreachOutcome.Talked, 60, "自宅で1時間ほど話せた。"),
             (OutreachMethod.Accompaniment, OutreachOutcome.Talked, 20, "センターの見学に同行。")],
            LeadStage.Consented),
        new("北町の50代男性（失業後に孤立）", "ひばり野市北町5丁目", LeadSource.Municipal, 8, "生活福祉課の窓口",
            "保護の相談に一度来所したが、その後連絡が途絶えている。", 0, 0, 30, 5, [], LeadStage.NotContacted),
        new("東町の高齢夫婦の長男（50代）", "ひばり野市東町5丁目2番地", LeadSource.Agency, 1, "東部地域包括支援センター",
            "父の介護サービス導入の際、長男が長く仕事をしていない様子と包括から情報。", 1, 0, 21, 200,
            [(OutreachMethod.Visit, OutreachOutcome.NotHome, 190, "不在。"), (OutreachMethod.Visit, OutreachOutcome.Refused, 170, "会えたが話はできなかった。")],
            LeadStage.Ended),
    ];

    public static async Task SeedAsync(JusoDbContext db, List<Agency> agencies, List<List<Staff>> staff, Meeting pastSupportMeeting, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var seed in Seeds)
        {
            var registered = now.AddDays(-seed.RegisteredDaysAgo);
            var lead = OutreachLead.Register(new LeadDetails(seed.Description, seed.Address, seed.Source, seed.SourceAgency is { } s ? agencies[s].Id : null,
                seed.SourceNote, seed.Worry, agencies[seed.Agency].Id, staff[seed.Agency][seed.Staff].Id, seed.EveryDays), registered);
            db.OutreachLeads.Add(lead);
            await db.SaveChangesAsync(cancellationToken);
            var worker = new Actor("demo", staff[seed.Agency][seed.Staff].Name);
            foreach (var attempt in seed.Attempts)
            {
                var at = now.AddDays(-attempt.DaysAgo);
                db.OutreachContacts.Add(OutreachContact.Record(lead, new OutreachContactDetails(attempt.Method, attempt.Outcome, at, attempt.Note), worker, at));
            }
            var firstReached = seed.Attempts.Where(a => a.Outcome.ReachedPerson()).Select(a => now.AddDays(-a.DaysAgo)).DefaultIfEmpty(now).First();
            if (seed.Stage is LeadStage.Contacted or LeadStage.Relationship or LeadStage.Consented)
            {
                lead.AdvanceTo(LeadStage.Contacted, true, firstReached);
            }
            if (seed.Stage is LeadStage.Relationship or LeadStage.Consented)
            {
                lead.AdvanceTo(LeadStage.Relationship, true, firstReached.AddDays(1));
            }
            if (seed.Stage == LeadStage.Consented)
            {
                lead.RecordConsent(JapanDate.Today(now.AddDays(-3)), ConsentMethod.Verbal, now.AddDays(-3));
            }
            if (seed.Stage == LeadStage.Ended)
            {
                lead.End("家族が市外へ転居したため、転居先の自治体に情報提供のうえ終了。", now.AddDays(-150));
            }
            if (seed.Stage == LeadStage.Relationship)
            {
                var plan = OutreachPlan.Draft(lead, 1, "本人が安心して話せる相手を世帯の外に持てる。",
                    "担当者が2週間に1回訪問し、本人の好きなことを話題に関係をつくる。母の退院に合わせて地域包括支援センターと同行訪問する。", worker, now.AddDays(-40));
                db.OutreachPlans.Add(plan);
                plan.Approve(lead, pastSupportMeeting.Id, pastSupportMeeting.Kind, pastSupportMeeting.HeldOn, now);
            }
        }
        await SeedConvertedAsync(db, agencies, staff, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The case taken in through アウトリーチ gets the lead it came from, so the list shows a 支援につながった lead.</summary>
    private static async Task SeedConvertedAsync(JusoDbContext db, List<Agency> agencies, List<List<Staff>> staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fromOutreach = await db.Cases.Where(c => c.IntakeRoute == IntakeRoute.Outreach).OrderByDescending(c => c.IntakeDate).FirstOrDefaultAsync(cancellationToken);
        if (fromOutreach is null)
        {
            return;
        }
        var intakeAt = new DateTimeOffset(fromOutreach.IntakeDate.ToDateTime(new TimeOnly(10, 0)), JapanDate.Offset);
        var registered = intakeAt.AddDays(-90);
        var lead = OutreachLead.Register(new LeadDetails("○○さん宅の長男（30代）", "ひばり野市東町1丁目", LeadSource.FamilyAssociation, null, "ひきこもり家族会",
            "大学中退後、自室から出ない生活が続いていると母から相談。", agencies[12].Id, staff[12][0].Id, 14), registered);
        db.OutreachLeads.Add(lead);
        await db.SaveChangesAsync(cancellationToken);
        var worker = new Actor("demo", staff[12][0].Name);
        db.OutreachContacts.Add(OutreachContact.Record(lead, new(OutreachMethod.Letter, OutreachOutcome.NotHome, registered.AddDays(2), "手紙を送った。"), worker, registered.AddDays(2)));
        db.OutreachContacts.Add(OutreachContact.Record(lead, new(OutreachMethod.Visit, OutreachOutcome.Talked, registered.AddDays(30), "自室の前で話せた。"), worker, registered.AddDays(30)));
        lead.AdvanceTo(LeadStage.Contacted, true, registered.AddDays(30));
        lead.AdvanceTo(LeadStage.Relationship, true, registered.AddDays(45));
        lead.RecordConsent(JapanDate.Today(intakeAt), ConsentMethod.Written, intakeAt);
        lead.ConvertTo(fromOutreach.Id, intakeAt);
    }
}
