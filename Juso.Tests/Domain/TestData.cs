using System.Reflection;
using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Plans;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;

namespace Juso.Tests.Domain;

/// <summary>Valid inputs and a fixed clock for the domain tests; each test changes only what it is about.</summary>
internal static class TestData
{
    /// <summary>23 November 2026, 10:00 in Japan (fiscal year 2026).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9));

    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly DateOnly IntakeDate = new(2026, 11, 20);

    public static readonly Actor ActingUser = new("user-1", "相談員 花子");

    public const int IntakeAgencyId = 1;
    public const int ReferringAgencyId = 2;
    public const int OtherAgencyId = 3;

    private static readonly PropertyInfo IdProperty = typeof(Entity).GetProperty(nameof(Entity.Id))!;

    /// <summary>Gives a new entity the id persistence would have given it.</summary>
    public static T WithId<T>(T entity, int id)
        where T : Entity
    {
        IdProperty.SetValue(entity, id);
        return entity;
    }

    public static MemberDetails Principal(DateOnly? birthDate = null) =>
        new("鈴木", "一郎", "スズキ", "イチロウ", birthDate ?? new DateOnly(1950, 5, 1), Relationship.Principal);

    public static MemberDetails Son(DateOnly? birthDate = null) =>
        new("鈴木", "次郎", "スズキ", "ジロウ", birthDate ?? new DateOnly(1980, 8, 15), Relationship.Child);

    public static MemberDetails Spouse() =>
        new("鈴木", "和子", "スズキ", "カズコ", new DateOnly(1952, 2, 10), Relationship.Spouse);

    public static Household NewHousehold(params MemberDetails[] members) =>
        Household.Create("東京都千代田区1-1", "03-1234-5678", null,
            members.Length == 0 ? [Principal(), Son()] : members, Now);

    /// <summary>A stored household (id 10) whose members are 鈴木一郎 (id 101) and 鈴木次郎 (id 102).</summary>
    public static Household StoredHousehold()
    {
        var household = WithId(NewHousehold(), 10);
        WithId(household.Members[0], 101);
        WithId(household.Members[1], 102);
        return household;
    }

    public static Agency AgencyWithId(int id, string name = "地域包括支援センター", bool active = true)
    {
        var agency = WithId(Agency.Create(name, AgencyField.Elderly, AgencyOperation.Direct, null, Now), id);
        if (!active)
        {
            agency.Deactivate(Now);
        }
        return agency;
    }

    /// <summary>The built-in 相談分類, valid from 平成11年度 on, as the migration writes them.</summary>
    public static ConcernCategoryCatalog Categories { get; } = new(BuiltInCategoryEntries());

    /// <summary>Fresh built-in entries, for a test that changes them.</summary>
    public static List<ConcernCategoryEntry> BuiltInCategoryEntries()
    {
        var entries = new List<ConcernCategoryEntry>();
        foreach (var (code, name, order) in ConcernCategoryEntry.BuiltIn())
        {
            entries.Add(ConcernCategoryEntry.Add(code, name, new FiscalYear(1999), order, entries, Now));
        }
        return entries;
    }

    public static IntakeDetails Intake(
        DateOnly? date = null,
        IntakeRoute? route = IntakeRoute.Counter,
        IReadOnlyCollection<string>? categories = null,
        string? summary = "80代の父と50代の長男の二人暮らし。長男が10年以上ひきこもっている。") =>
        new(date ?? IntakeDate, route, null, categories ?? ["EightyFifty", "Hikikomori"], summary, null);

    public static ConsentDetails Consent(ConsentStatus status, DateOnly? date = null, ConsentMethod? method = ConsentMethod.Written) =>
        new(status, date ?? IntakeDate, method, null);

    /// <summary>A case opened at agency 1's counter for <see cref="StoredHousehold"/>, sequence 7, stage 受付.</summary>
    public static SupportCase OpenCase(ConsentDetails? consent = null) =>
        SupportCase.Open(StoredHousehold(), Intake(), Categories, null, AgencyWithId(IntakeAgencyId), consent, 7, ActingUser, Now);

    /// <summary>A case moved along to <paramref name="stage"/> by the legal path (assessment, approved plan, evaluated closure).</summary>
    public static SupportCase CaseIn(CaseStage stage)
    {
        var supportCase = OpenCase(Consent(ConsentStatus.Obtained));
        if (stage >= CaseStage.Assessment)
        {
            supportCase.StartAssessment(ActingUser, Now);
        }
        if (stage >= CaseStage.Planning)
        {
            supportCase.StartPlanning(AssessmentOf(supportCase), ActingUser, Now);
        }
        if (stage >= CaseStage.Support)
        {
            supportCase.StartSupport(ApprovedPlan(supportCase), Today, null, ActingUser, Now);
        }
        if (stage == CaseStage.Closed)
        {
            supportCase.Close("支援目標を達成したため", "就労につながり、家計も安定した。", "第4回重層的支援会議", AgencyWithId(IntakeAgencyId), null, ActingUser, Now);
        }
        return supportCase;
    }

    public static Assessment AssessmentOf(SupportCase supportCase, int version = 1) =>
        Assessment.Record(supportCase, version,
            new AssessmentDetails("母と長男の二人暮らし。長男は10年以上ひきこもり。", null, "年金収入のみ", null, null, null, "母は地域の集まりに参加している", "家で暮らし続けたい", [], []),
            [], [], ActingUser, Now);

    /// <summary>A plan of the case with one goal and one assignment at agency 1, approved today.</summary>
    public static SupportPlan ApprovedPlan(SupportCase supportCase)
    {
        var plan = SupportPlan.Draft(supportCase, Now);
        plan.ReviseDraft([new GoalDetails(GoalTerm.LongTerm, "世帯が安心して暮らし続ける")], AgencyWithId(IntakeAgencyId), false, false, 60, Now);
        plan.AddAssignment(new AssignmentDetails(IntakeAgencyId, "担当 花子", "月1回の訪問", "月1回", AssignmentStatus.Planned, Today, null), AgencyWithId(IntakeAgencyId), Now);
        plan.Approve(Today, null, Now);
        return plan;
    }

    /// <summary>Asserts that the refusal carries <paramref name="message"/> on <paramref name="field"/>.</summary>
    public static void HasError(DomainException exception, string? field, string message) =>
        HasError(exception.Errors, field, message);

    public static void HasError(IReadOnlyList<DomainError> errors, string? field, string message) =>
        Assert.Contains(new DomainError(field, message), errors);
}
