using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Monitoring;
using Juso.Domain.Outreach;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;

namespace Juso.Portal.Hosting;

/// <summary>The demo households' scenarios, their names, and how a case is taken through its stages.</summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>A 相談分類 the demo city added last 年度: the scenario's older intakes fall back to その他.</summary>
    private const string SelfNeglect = "SelfNeglect";

    private sealed record Scenario(
        string[] Categories,
        IntakeRoute Route,
        int ReferringAgency,
        int? LeadAgency,
        int[] Assigned,
        string Summary,
        (Relationship Relation, int Age, bool Male)[] Members);

    private static readonly Scenario[] Scenarios =
    [
        new(["EightyFifty", "Hikikomori"], IntakeRoute.AgencyReferral, 1, 12, [1, 7],
            "80代の母と50代の長男の二人暮らし。長男は20年以上ひきこもりの状態。母の要介護認定をきっかけに包括支援センターが訪問し、長男の今後と世帯の生活費について相談があった。",
            [(Relationship.Parent, 84, false), (Relationship.Principal, 53, true)]),
        new(["YoungCarer", "IllnessOrDisability"], IntakeRoute.AgencyReferral, 10, 5, [3, 10],
            "中学生の長女が、精神疾患のある母の通院付き添いと家事を担い、欠席が増えている。学校のスクールソーシャルワーカーから相談。",
            [(Relationship.Parent, 42, false), (Relationship.Principal, 14, false), (Relationship.Sibling, 9, true)]),
        new(["DoubleCare", "ElderlyCare", "Children"], IntakeRoute.Counter, 0, 1, [6],
            "認知症の義父の介護と2歳の子の育児を一人で担っており、疲弊している。夫は単身赴任中。窓口に本人が来所。",
            [(Relationship.Principal, 36, false), (Relationship.Child, 2, true), (Relationship.Parent, 79, true)]),
        new(["Poverty", "Unemployment"], IntakeRoute.TriageMeeting, 0, 7, [13],
            "失業後、家賃を3か月滞納している。生活困窮の窓口に相談し、困窮相談振分会議でつながった。就労の意欲はあるが、面接の経験が少なく不安が強い。",
            [(Relationship.Principal, 38, true)]),
        new(["SchoolRefusal", "Children"], IntakeRoute.AgencyReferral, 10, 5, [10],
            "小学5年生の長男が半年以上登校していない。母は仕事を掛け持ちしており、学校との連絡が取れていない。",
            [(Relationship.Principal, 11, true), (Relationship.Parent, 39, false)]),
        new(["Disability", "EightyFifty"], IntakeRoute.Community, 9, 3, [1, 3],
            "知的障害のある40代の長女と80代の両親の世帯。両親の体力が落ち、親亡き後を心配した民生委員から社会福祉協議会経由で相談。",
            [(Relationship.Parent, 82, true), (Relationship.Parent, 80, false), (Relationship.Principal, 47, false)]),
        new(["Hikikomori"], IntakeRoute.Outreach, 12, 12, [13],
            "30代の男性。大学中退後、自室から出ない生活が10年続く。家族の相談会で把握し、手紙と訪問を続けている。",
            [(Relationship.Principal, 31, true), (Relationship.Parent, 63, false)]),
        new(["ElderlyCare", SelfNeglect], IntakeRoute.Community, 2, 2, [9],
            "一人暮らしの高齢男性。ごみが屋外まであふれ、近隣から苦情。本人は支援を拒否している（セルフネグレクトの疑い）。",
            [(Relationship.Principal, 77, true)]),
        new(["IllnessOrDisability", "Poverty"], IntakeRoute.AgencyReferral, 11, 8, [11, 3],
            "がんの治療中で就労できず、医療費と生活費の見通しが立たない。保健センターの保健師からつなぎ。",
            [(Relationship.Principal, 55, false), (Relationship.Child, 19, false)]),
        new(["Children", "Poverty", "DoubleCare"], IntakeRoute.Visit, 5, 5, [7, 6],
            "ひとり親家庭。母が祖母の介護と3人の子育てを担い、収入が不安定。乳幼児健診で保健師が把握。",
            [(Relationship.Principal, 33, false), (Relationship.Child, 8, true), (Relationship.Child, 5, false), (Relationship.Child, 1, true), (Relationship.Parent, 70, false)]),
    ];

    private static readonly string[] FamilyNames = ["佐藤|サトウ", "鈴木|スズキ", "高橋|タカハシ", "田中|タナカ", "伊藤|イトウ", "渡辺|ワタナベ", "山本|ヤマモト", "中村|ナカムラ", "小林|コバヤシ", "加藤|カトウ", "吉田|ヨシダ", "山田|ヤマダ", "佐々木|ササキ", "山口|ヤマグチ", "松本|マツモト"];

    private static readonly string[] MaleNames = ["一郎|イチロウ", "健太|ケンタ", "翔太|ショウタ", "大樹|ダイキ", "誠|マコト", "和夫|カズオ", "拓海|タクミ", "勇気|ユウキ", "茂|シゲル", "蓮|レン"];

    private static readonly string[] FemaleNames = ["花子|ハナコ", "陽子|ヨウコ", "美咲|ミサキ", "結衣|ユイ", "恵子|ケイコ", "真由美|マユミ", "葵|アオイ", "さくら|サクラ", "和子|カズコ", "愛|アイ"];

    /// <summary>相談者 as the intake form offers it: a family member phones, a 民生委員 brings word from the community, others come themselves.</summary>
    private static string? Consulter(IntakeRoute route, IReadOnlyList<MemberDetails> members) => route switch
    {
        IntakeRoute.Phone => members.FirstOrDefault(m => m.Relationship != Relationship.Principal) is { } family
            ? Features.Cases.PartyChoices.Member(family.FamilyName, family.GivenName, family.Relationship)
            : null,
        IntakeRoute.Community => LeadSource.CommissionedVolunteer.Label(),
        _ => null,
    };

    /// <summary>Assessment, plan with role assignments, approval, support and closure, as the coordinator would record them.</summary>
    private static async Task AdvanceThroughPlanAsync(JusoDbContext db, SupportCase supportCase, Scenario scenario, CaseStage target, List<Agency> agencies,
        List<List<Staff>> staff, Household household, Actor system, DateTimeOffset now, Func<DateTimeOffset> next, Func<DateTimeOffset> current)
    {
        var referring = supportCase.ReferringAgencyId ?? supportCase.IntakeAgencyId;
        var assessment = Assessment.Record(supportCase, 1, new AssessmentDetails(
                scenario.Summary, null, null, null, "家族の関係は概ね良好だが、支援の受け入れには時間がかかる。", null,
                "本人・家族ともに地域で暮らし続けたいという思いがある。", "今の家で暮らし続けたい。",
                [], [new SourceDetails(referring, null, supportCase.IntakeDate, "初回相談の内容と、これまでの関わりの経過。"),
                    .. scenario.Route == IntakeRoute.Community
                        ? [new SourceDetails(null, LeadSource.CommissionedVolunteer.Label(), supportCase.IntakeDate, "近所で見かける様子と、以前の世帯の暮らしぶり。")]
                        : Array.Empty<SourceDetails>()]),
            household.Members.Select(m => m.Id).ToList(), agencies.Select(a => a.Id).ToList(), system, next());
        db.Assessments.Add(assessment);
        supportCase.StartPlanning(assessment, system, current());

        var lead = agencies[scenario.LeadAgency ?? 0];
        supportCase.SetLeadAgency(lead, system, current());
        var plan = SupportPlan.Draft(supportCase, current());
        plan.ReviseDraft(
            [new GoalDetails(GoalTerm.LongTerm, "世帯が地域の中で安心して暮らし続けられる。"), new GoalDetails(GoalTerm.ShortTerm, "困りごとを相談できる相手が世帯の外に2人以上いる。")],
            lead,
            usesParticipationSupport: scenario.Categories.Contains("Unemployment") || scenario.Categories.Contains("Hikikomori"),
            usesOutreach: scenario.Categories.Contains("Hikikomori"),
            monitoringIntervalDays: 90,
            current());
        foreach (var index in scenario.Assigned.Prepend(scenario.LeadAgency ?? 0).Distinct())
        {
            var agency = agencies[index];
            if (index != scenario.LeadAgency)
            {
                supportCase.InvolveAgency(agency, system, current());
            }
            plan.AddAssignment(new AssignmentDetails(agency.Id, staff[index][0].Name, TaskFor(agency.Field), "月1回",
                AssignmentStatus.Planned, JapanDate.Today(current()), null), agency, current());
        }
        db.Plans.Add(plan);
        if (target < CaseStage.Support)
        {
            return;
        }
        var approved = next();
        plan.Approve(JapanDate.Today(approved), supportCase.CurrentConsent == ConsentStatus.Obtained ? "重層的支援会議で承認" : "支援会議で協議", approved);
        supportCase.StartSupport(plan, JapanDate.Today(approved), null, system, approved);
        if (target == CaseStage.Support && plan.StartOn is { } start && supportCase.Sequence % 2 == 0)
        {
            // Half the cases in support had a recent review, so the demo shows both kept and overdue schedules.
            var reviewedAt = now.AddDays(-10);
            if (JapanDate.Today(reviewedAt) > start)
            {
                await db.SaveChangesAsync(); // the review refers to the plan by its id
                db.MonitoringReviews.Add(MonitoringReview.Record(plan, new MonitoringDetails(JapanDate.Today(reviewedAt),
                    "役割分担のとおり訪問と相談が続いている。本人の表情が明るくなった。", [], [], JapanDate.Today(now).AddDays(supportCase.Sequence % 3 == 0 ? 5 : 40)),
                    system, reviewedAt));
            }
        }
        if (target == CaseStage.Closed)
        {
            var closed = next();
            const string evaluation = "役割分担のとおり支援が進み、世帯の課題が整理された。主担当機関による見守りに移行する。";
            supportCase.Close("世帯の課題が整理され、支援の見通しがついた。", evaluation, "重層的支援会議", lead, plan, system, closed);
        }
    }

    private static string TaskFor(AgencyField field) => field switch
    {
        AgencyField.Elderly => "介護サービスの調整と見守り",
        AgencyField.Disability => "障害福祉サービスの利用支援",
        AgencyField.Children => "子どもと保護者の相談、学校との連絡",
        AgencyField.Poverty => "家計相談と就労準備支援",
        _ => "訪問による関係づくりと地域の資源へのつなぎ",
    };
}
