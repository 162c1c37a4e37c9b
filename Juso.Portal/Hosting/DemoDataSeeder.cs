using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Plans;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Hosting;

/// <summary>
/// The demo municipality ひばり野市 (fictional): agencies in every field modelled on the seeds' tables,
/// their staff, one demo user per role, and about 30 fictional households over all stages and categories.
/// Runs only on an empty database with Database:SeedDemoData on.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<JusoDbContext> factory,
    UserManager<JusoUser> users,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>The password of every demo user (README lists the users).</summary>
    public const string DemoPassword = "hibarino-demo-2026";

    private static readonly (string Name, AgencyField Field, AgencyOperation Operation, string Contact)[] AgencySeeds =
    [
        ("ひばり野市 福祉総合相談課", AgencyField.Other, AgencyOperation.Direct, "市役所本庁舎1階 内線2110"),
        ("東部地域包括支援センター", AgencyField.Elderly, AgencyOperation.Contracted, "東部コミュニティセンター内"),
        ("西部地域包括支援センター", AgencyField.Elderly, AgencyOperation.Contracted, "西部福祉会館内"),
        ("基幹相談支援センター", AgencyField.Disability, AgencyOperation.Contracted, "総合福祉センター2階"),
        ("障害者相談支援事業所 ひだまり", AgencyField.Disability, AgencyOperation.Contracted, "中央町3丁目"),
        ("こども家庭センター", AgencyField.Children, AgencyOperation.Direct, "市役所本庁舎2階"),
        ("子育て世代支援室", AgencyField.Children, AgencyOperation.Direct, "保健センター内"),
        ("くらしサポートセンター（自立相談支援機関）", AgencyField.Poverty, AgencyOperation.Contracted, "社会福祉協議会内"),
        ("生活福祉課（生活保護）", AgencyField.Poverty, AgencyOperation.Direct, "市役所本庁舎1階"),
        ("ひばり野市社会福祉協議会", AgencyField.Other, AgencyOperation.Contracted, "総合福祉センター1階"),
        ("教育委員会 教育支援室", AgencyField.Other, AgencyOperation.Direct, "教育センター"),
        ("保健センター", AgencyField.Other, AgencyOperation.Direct, "保健センター1階"),
        ("ひきこもり地域支援センター", AgencyField.Other, AgencyOperation.Contracted, "駅前ビル3階"),
        ("地域若者サポートステーション", AgencyField.Other, AgencyOperation.Contracted, "駅前ビル4階"),
    ];

    private static readonly string[][] StaffSeeds =
    [
        ["中川 浩二|ナカガワ コウジ|相談支援包括化推進員", "石田 美穂|イシダ ミホ|課長", "野口 健|ノグチ ケン|係長"],
        ["藤井 由美|フジイ ユミ|主任介護支援専門員", "大野 誠|オオノ マコト|社会福祉士"],
        ["川村 直子|カワムラ ナオコ|保健師", "松田 隆|マツダ タカシ|社会福祉士"],
        ["岡本 聡|オカモト サトシ|相談支援専門員", "村上 恵|ムラカミ メグミ|精神保健福祉士"],
        ["坂本 裕子|サカモト ユウコ|相談支援専門員"],
        ["西田 真理|ニシダ マリ|家庭児童相談員", "原 大輔|ハラ ダイスケ|保健師"],
        ["森 沙織|モリ サオリ|助産師"],
        ["高木 翔|タカギ ショウ|主任相談支援員", "小島 明美|コジマ アケミ|就労支援員"],
        ["吉川 浩|ヨシカワ ヒロシ|ケースワーカー"],
        ["前田 和也|マエダ カズヤ|地域福祉コーディネーター", "平野 さくら|ヒラノ サクラ|生活支援コーディネーター"],
        ["今井 純一|イマイ ジュンイチ|スクールソーシャルワーカー"],
        ["菅原 智子|スガワラ トモコ|保健師"],
        ["桑原 拓也|クワハラ タクヤ|ひきこもり支援コーディネーター"],
        ["北村 彩|キタムラ アヤ|キャリアコンサルタント"],
    ];

    /// <summary>(user name, display name, role, staff "agency index.staff index" or null).</summary>
    private static readonly (string UserName, string DisplayName, string Role, (int Agency, int Staff)? Staff)[] UserSeeds =
    [
        ("coordinator", "中川 浩二", JusoRoles.Coordinator, (0, 0)),
        ("chair", "石田 美穂", JusoRoles.Chair, (0, 1)),
        ("supervisor", "野口 健", JusoRoles.Supervisor, (0, 2)),
        ("member.east", "藤井 由美", JusoRoles.AgencyMember, (1, 0)),
        ("member.children", "西田 真理", JusoRoles.AgencyMember, (5, 0)),
        ("admin", "システム管理者", JusoRoles.Administrator, null),
    ];

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

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return;
        }
        logger.LogInformation("Filling the empty database with the demo municipality ひばり野市.");
        var now = time.GetUtcNow();
        var today = JapanDate.Today(now);
        var system = new Actor("demo", "デモデータ");

        var agencies = AgencySeeds.Select(a => Agency.Create(a.Name, a.Field, a.Operation, a.Contact, now)).ToList();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync(cancellationToken);

        var categories = await SeedCategoriesAsync(db, today, now, cancellationToken);

        var staff = new List<List<Staff>>();
        for (var i = 0; i < agencies.Count; i++)
        {
            staff.Add(StaffSeeds[i].Select(line => line.Split('|')).Select(p => Staff.Create(agencies[i], p[0], p[1], p[2], now)).ToList());
            db.Staff.AddRange(staff[i]);
        }
        await db.SaveChangesAsync(cancellationToken);

        var demoUsers = new Dictionary<string, (string Id, string Name, int? AgencyId)>();
        foreach (var seed in UserSeeds)
        {
            var user = new JusoUser
            {
                UserName = seed.UserName,
                DisplayName = seed.DisplayName,
                // .example is reserved (RFC 2606): demo mail never reaches anyone; the folder sender keeps it anyway.
                Email = $"{seed.UserName}@hibarino.example",
                StaffId = seed.Staff is { } s ? staff[s.Agency][s.Staff].Id : null,
                CreatedAt = now.UtcDateTime,
            };
            var result = await users.CreateAsync(user, DemoPassword);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, seed.Role);
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            demoUsers[seed.UserName] = (user.Id, seed.DisplayName, seed.Staff is { } st ? agencies[st.Agency].Id : null);
        }

        var random = new Random(2026);
        var sequences = new Dictionary<int, int>();
        var stages = new[] { CaseStage.Intake, CaseStage.Assessment, CaseStage.Planning, CaseStage.Support, CaseStage.Closed };
        // Oldest first, so that running numbers follow the intake dates.
        for (var n = 29; n >= 0; n--)
        {
            var scenario = Scenarios[n % Scenarios.Length];
            var family = FamilyNames[(n * 7 + n / Scenarios.Length) % FamilyNames.Length].Split('|');
            var intakeDate = today.AddDays(-(5 + n * 31 + random.Next(0, 20)));
            var members = scenario.Members.Select((m, i) =>
            {
                var given = (m.Male ? MaleNames : FemaleNames)[(n * 3 + i * 7) % 10].Split('|');
                var birth = intakeDate.AddYears(-m.Age).AddDays(-random.Next(0, 360));
                return new MemberDetails(family[0], given[0], family[1], given[1], birth, m.Relation, Sex: m.Male ? Sex.Male : Sex.Female);
            }).ToList();
            var household = Household.Create($"ひばり野市{(n % 2 == 0 ? "東" : "西")}町{n % 5 + 1}丁目{n + 3}番地", $"0000-12-{3400 + n:D4}", null, members, now);
            db.Households.Add(household);
            await db.SaveChangesAsync(cancellationToken);

            var consent = n % 3 == 2
                ? new ConsentDetails(ConsentStatus.NotObtained, intakeDate, null, "支援会議での検討から始める")
                : new ConsentDetails(ConsentStatus.Obtained, intakeDate, n % 2 == 0 ? ConsentMethod.Written : ConsentMethod.Verbal, null);
            var fiscalYear = FiscalYear.Of(intakeDate).StartYear;
            sequences[fiscalYear] = sequences.GetValueOrDefault(fiscalYear) + 1;
            var referring = scenario.Route == IntakeRoute.AgencyReferral || scenario.Route == IntakeRoute.Community || scenario.Route == IntakeRoute.Outreach
                ? agencies[scenario.ReferringAgency]
                : null;
            var codes = scenario.Categories.Select(c => categories.IsValid(c, FiscalYear.Of(intakeDate)) ? c : "Other").ToList();
            var intake = new IntakeDetails(intakeDate, scenario.Route, referring?.Id, codes, scenario.Summary, Consulter(scenario.Route, members));
            var at = new DateTimeOffset(intakeDate.ToDateTime(new TimeOnly(10, 0)), JapanDate.Offset);
            var supportCase = SupportCase.Open(household, intake, categories, referring, referring is null ? agencies[scenario.ReferringAgency] : null,
                consent, sequences[fiscalYear], system, at);
            supportCase.AssignCoordinator(staff[0][0], system, at);

            db.Cases.Add(supportCase);
            await db.SaveChangesAsync(cancellationToken);

            // Older cases have come further: spread them over the stages, each step by the real transitions.
            var target = stages[Math.Min(stages.Length - 1, n * stages.Length / 30)];
            if (n == 1 || n == 3)
            {
                target = CaseStage.Support;
            }
            var step = at;
            DateTimeOffset Next() => step = step.AddDays(14) < now ? step.AddDays(14) : now;
            if (target >= CaseStage.Assessment)
            {
                supportCase.StartAssessment(system, Next());
            }
            if (target >= CaseStage.Planning)
            {
                await AdvanceThroughPlanAsync(db, supportCase, scenario, target, agencies, staff, household, system, now, Next, () => step);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        var pastSupportMeeting = await SeedMeetingsAsync(db, demoUsers, today, now, cancellationToken);
        await OutreachDemoData.SeedAsync(db, agencies, staff, pastSupportMeeting, now, cancellationToken);
        var chair = demoUsers["chair"];
        await DemoStatisticsSeed.SeedAsync(db, chair.Id, chair.Name, chair.AgencyId, today, now, cancellationToken);
        await ParticipationDemoData.SeedAsync(db, (demoUsers["coordinator"].Id, demoUsers["coordinator"].Name), today, now, cancellationToken);
    }

    /// <summary>
    /// Next week's regular 重層的支援会議 with plan proposals and monitoring of cases with consent, and an ad hoc 支援会議
    /// for cases without consent, whose members have not pledged yet; and last month's 支援会議, held, which discussed an
    /// アウトリーチプラン (returned for the outreach demo data).
    /// </summary>
    /// <summary>The built-in categories (written by the migration) and one the city added from last 年度 on.</summary>
    private static async Task<ConcernCategoryCatalog> SeedCategoriesAsync(JusoDbContext db, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.ConcernCategories.ToListAsync(cancellationToken);
        db.ConcernCategories.Add(ConcernCategoryEntry.Add(SelfNeglect, "セルフネグレクト", new FiscalYear(FiscalYear.Of(today).StartYear - 1), existing.Max(e => e.Order) + 1, existing, now));
        await db.SaveChangesAsync(cancellationToken);
        return await db.CategoryCatalogAsync(cancellationToken);
    }

    private static async Task<Meeting> SeedMeetingsAsync(JusoDbContext db, Dictionary<string, (string Id, string Name, int? AgencyId)> users, DateOnly today,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Include(c => c.Consents).Where(c => c.Stage != CaseStage.Closed).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var chair = users["chair"];
        Meeting Schedule(MeetingKind kind, MeetingCadence cadence, int inDays, int hour, string place, params string[] members)
        {
            var at = new DateTimeOffset(today.AddDays(inDays).ToDateTime(new TimeOnly(hour, 0)), JapanDate.Offset);
            var meeting = Meeting.Schedule(kind, cadence, at, place, new Actor(chair.Id, chair.Name), chair.Name, chair.AgencyId, now);
            foreach (var name in members)
            {
                meeting.AddMember(users[name].Id, users[name].Name, users[name].AgencyId, now);
            }
            return meeting;
        }

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
