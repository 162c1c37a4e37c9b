using System.Reflection;
using Juso.Domain.Agencies;
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

    public static IntakeDetails Intake(
        DateOnly? date = null,
        IntakeRoute? route = IntakeRoute.Counter,
        IReadOnlyCollection<ConcernCategory>? categories = null,
        string? summary = "80代の父と50代の長男の二人暮らし。長男が10年以上ひきこもっている。") =>
        new(date ?? IntakeDate, route, null, categories ?? [ConcernCategory.EightyFifty, ConcernCategory.Hikikomori], summary, null);

    public static ConsentDetails Consent(ConsentStatus status, DateOnly? date = null, ConsentMethod? method = ConsentMethod.Written) =>
        new(status, date ?? IntakeDate, method, null);

    /// <summary>A case opened at agency 1's counter for <see cref="StoredHousehold"/>, sequence 7, stage 受付.</summary>
    public static SupportCase OpenCase(ConsentDetails? consent = null) =>
        SupportCase.Open(StoredHousehold(), Intake(), null, AgencyWithId(IntakeAgencyId), consent, 7, ActingUser, Now);

    /// <summary>A case moved along to <paramref name="stage"/> by the legal path.</summary>
    public static SupportCase CaseIn(CaseStage stage)
    {
        var supportCase = OpenCase();
        CaseStage[] path = [CaseStage.Assessment, CaseStage.Planning, CaseStage.Support];
        foreach (var next in path.TakeWhile(s => s <= stage))
        {
            supportCase.MoveTo(next, null, ActingUser, Now);
        }
        if (stage == CaseStage.Closed)
        {
            supportCase.MoveTo(CaseStage.Closed, "支援目標を達成したため", ActingUser, Now);
        }
        return supportCase;
    }

    /// <summary>Asserts that the refusal carries <paramref name="message"/> on <paramref name="field"/>.</summary>
    public static void HasError(DomainException exception, string? field, string message) =>
        HasError(exception.Errors, field, message);

    public static void HasError(IReadOnlyList<DomainError> errors, string? field, string message) =>
        Assert.Contains(new DomainError(field, message), errors);
}
