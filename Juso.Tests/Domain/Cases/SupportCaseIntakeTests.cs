using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Cases;

public class SupportCaseIntakeTests
{
    private static IReadOnlyList<DomainError> Check(IntakeDetails intake, Agency? referringAgency = null, IReadOnlyList<DateOnly?>? birthDates = null) =>
        SupportCase.CheckIntake(intake, Categories, referringAgency, null, birthDates ?? [], Today);

    [Fact]
    public void Open_ValidIntake_OpensCaseInIntakeStageWithNumber()
    {
        var supportCase = OpenCase();

        Assert.Equal(CaseStage.Intake, supportCase.Stage);
        Assert.False(supportCase.IsClosed);
        Assert.Equal(2026, supportCase.FiscalYear);
        Assert.Equal(7, supportCase.Sequence);
        Assert.Equal("2026-0007", supportCase.Number);
        Assert.Equal(10, supportCase.HouseholdId);
        Assert.Equal(IntakeDate, supportCase.IntakeDate);
        Assert.Equal(IntakeRoute.Counter, supportCase.IntakeRoute);
        Assert.Null(supportCase.ReferringAgencyId);
        Assert.Null(supportCase.CurrentConsent);
        Assert.Empty(supportCase.Consents);
    }

    [Fact]
    public void Open_IntakeOn31March_BelongsToThePreviousFiscalYear()
    {
        var supportCase = SupportCase.Open(StoredHousehold(), Intake(date: new DateOnly(2026, 3, 31)), Categories, null, null, null, 123, ActingUser, Now);

        Assert.Equal(2025, supportCase.FiscalYear);
        Assert.Equal("2025-0123", supportCase.Number);
    }

    [Fact]
    public void Open_TrimsSummaryAndConsulterName()
    {
        var intake = Intake(summary: "  長男のひきこもりについて相談。 ") with { ConsulterName = "  民生委員 田中 " };

        var supportCase = SupportCase.Open(StoredHousehold(), intake, Categories, null, null, null, 1, ActingUser, Now);

        Assert.Equal("長男のひきこもりについて相談。", supportCase.IntakeSummary);
        Assert.Equal("民生委員 田中", supportCase.ConsulterName);
    }

    [Fact]
    public void Open_AddsOpenedEventNamingRouteAndCategories()
    {
        var supportCase = OpenCase();

        var opened = Assert.Single(supportCase.Events);
        Assert.Equal(CaseEventKind.Opened, opened.Kind);
        Assert.Equal("相談を受け付けました（窓口、ひきこもり・8050）。", opened.Description);
        Assert.Equal(ActingUser.Name, opened.ActorName);
        Assert.Equal(Now.UtcDateTime, opened.At);
    }

    [Fact]
    public void Open_DuplicateCategories_AreStoredOnce()
    {
        var intake = Intake(categories: ["YoungCarer", "Poverty", "YoungCarer"]);

        var supportCase = SupportCase.Open(StoredHousehold(), intake, Categories, null, null, null, 1, ActingUser, Now);

        Assert.Equal(["YoungCarer", "Poverty"], supportCase.Concerns.Select(c => c.Category));
    }

    [Fact]
    public void Open_IntakeAndReferringAgencies_BothGetIntakeRoleAndAccess()
    {
        var intake = Intake(route: IntakeRoute.AgencyReferral) with { ReferringAgencyId = ReferringAgencyId };

        var supportCase = SupportCase.Open(StoredHousehold(), intake, Categories, AgencyWithId(ReferringAgencyId, "障害者相談支援センター"),
            AgencyWithId(IntakeAgencyId), null, 1, ActingUser, Now);

        Assert.Equal(ReferringAgencyId, supportCase.ReferringAgencyId);
        Assert.Equal(2, supportCase.Agencies.Count);
        Assert.All(supportCase.Agencies, a => Assert.Equal(CaseAgencyRole.Intake, a.Role));
        Assert.True(supportCase.Involves(IntakeAgencyId));
        Assert.True(supportCase.Involves(ReferringAgencyId));
        Assert.False(supportCase.Involves(OtherAgencyId));
    }

    [Fact]
    public void Open_ReferringAgencyIsAlsoTheIntakeAgency_IsListedOnce()
    {
        var agency = AgencyWithId(IntakeAgencyId);

        var supportCase = SupportCase.Open(StoredHousehold(), Intake(route: IntakeRoute.AgencyReferral) with { ReferringAgencyId = IntakeAgencyId }, Categories, agency, agency, null, 1, ActingUser, Now);

        var part = Assert.Single(supportCase.Agencies);
        Assert.Equal(IntakeAgencyId, part.AgencyId);
    }

    [Fact]
    public void Open_InvalidIntake_ThrowsWithTheMessages()
    {
        var ex = Assert.Throws<DomainException>(() =>
            SupportCase.Open(StoredHousehold(), Intake(summary: " "), Categories, null, null, null, 1, ActingUser, Now));

        Assert.Equal(new DomainError("IntakeSummary", "相談内容を入力してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void CheckIntake_ValidIntake_HasNoErrors()
    {
        Assert.Empty(Check(Intake(), birthDates: [new DateOnly(1950, 5, 1), null]));
    }

    [Fact]
    public void CheckIntake_MissingDateRouteCategoriesAndSummary_GivesAllMessagesAtOnce()
    {
        var errors = Check(new IntakeDetails(null, null, null, [], null, null), birthDates: [Today]);

        HasError(errors, "IntakeDate", "受付日を入力してください。");
        HasError(errors, "IntakeRoute", "相談経路を選択してください。");
        HasError(errors, "Concerns", "相談分類を1つ以上選択してください。");
        HasError(errors, "IntakeSummary", "相談内容を入力してください。");
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void CheckIntake_FutureDate_IsRefused()
    {
        var errors = Check(Intake(date: Today.AddDays(1)));

        Assert.Equal(new DomainError("IntakeDate", "受付日に未来の日付は入力できません。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_DateToday_IsAccepted()
    {
        Assert.Empty(Check(Intake(date: Today)));
    }

    [Fact]
    public void CheckIntake_DateBefore2000_IsRefused()
    {
        var errors = Check(Intake(date: new DateOnly(1999, 12, 31)));

        Assert.Equal(new DomainError("IntakeDate", "受付日は2000年以降の日付を入力してください。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_UndefinedRoute_IsRefused()
    {
        var errors = Check(Intake(route: (IntakeRoute)99));

        Assert.Equal(new DomainError("IntakeRoute", "相談経路の値が正しくありません。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_UnknownCategory_IsRefused()
    {
        var errors = Check(Intake(categories: ["Hikikomori", "Unknown"]));

        Assert.Equal(new DomainError("Concerns", "相談分類「Unknown」は令和8年度には使えません。選び直してください。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_SummaryOver2000Characters_IsRefused()
    {
        var errors = Check(Intake(summary: new string('相', SupportCase.SummaryMaxLength + 1)));

        Assert.Equal(new DomainError("IntakeSummary", "相談内容は2000文字以内で入力してください（現在2001文字）。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_ConsulterNameOverMaxLength_IsRefused()
    {
        var errors = Check(Intake() with { ConsulterName = new string('名', SupportCase.ConsulterMaxLength + 1) });

        Assert.Equal(new DomainError("ConsulterName", "相談者は50文字以内で入力してください（現在51文字）。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_AgencyReferralWithoutReferringAgency_IsRefused()
    {
        var errors = Check(Intake(route: IntakeRoute.AgencyReferral));

        Assert.Equal(new DomainError("ReferringAgencyId", "関係機関からのつなぎの場合は、つなぎ元の機関を選択してください。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_InactiveReferringAgency_IsRefused()
    {
        var errors = Check(Intake(route: IntakeRoute.AgencyReferral) with { ReferringAgencyId = ReferringAgencyId }, AgencyWithId(ReferringAgencyId, active: false));

        Assert.Equal(new DomainError("ReferringAgencyId", "休止中の機関はつなぎ元に指定できません。"), Assert.Single(errors));
    }

    [Fact]
    public void CheckIntake_MemberBornAfterIntakeDate_IsRefusedOnThatMember()
    {
        var errors = Check(Intake(), birthDates: [new DateOnly(1950, 5, 1), null, IntakeDate.AddDays(1)]);

        Assert.Equal(new DomainError("Members[2].BirthDate", "生年月日が受付日より後になっています。"), Assert.Single(errors));
    }

    [Fact]
    public void Open_HouseholdMemberBornAfterIntakeDate_IsRefusedOnThatMember()
    {
        var household = NewHousehold(Principal(), Son(birthDate: IntakeDate.AddDays(1)));

        var ex = Assert.Throws<DomainException>(() => SupportCase.Open(household, Intake(), Categories, null, null, null, 1, ActingUser, Now));

        HasError(ex, "Members[1].BirthDate", "生年月日が受付日より後になっています。");
    }

    [Fact]
    public void CheckIntake_InvalidIntakeAndInvalidConsent_GivesBothKindsOfMessages()
    {
        var errors = SupportCase.CheckIntake(Intake(summary: null), Categories, null,
            Consent(ConsentStatus.Obtained, method: null), [], Today);

        HasError(errors, "IntakeSummary", "相談内容を入力してください。");
        HasError(errors, "Consent.Method", "同意の方法（書面・口頭など）を選択してください。");
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Open_ZeroSequence_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SupportCase.Open(StoredHousehold(), Intake(), Categories, null, null, null, 0, ActingUser, Now));

        HasError(ex, "Sequence", "ケース番号の連番が正しくありません。");
    }

    [Fact]
    public void Open_AtInactiveAgencysCounter_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SupportCase.Open(StoredHousehold(), Intake(), Categories, null, AgencyWithId(3, active: false), null, 1, ActingUser, Now));

        HasError(ex, "Agencies", "休止中の機関では相談を受け付けられません。");
    }

    [Fact]
    public void Open_ReferringIdNotMatchingTheAgencyGiven_IsRefused()
    {
        var intake = Intake() with { ReferringAgencyId = 99 };

        var ex = Assert.Throws<DomainException>(() => SupportCase.Open(StoredHousehold(), intake, Categories, null, null, null, 1, ActingUser, Now));

        HasError(ex, "ReferringAgencyId", "つなぎ元の機関が見つかりません。選び直してください。");
    }
}
