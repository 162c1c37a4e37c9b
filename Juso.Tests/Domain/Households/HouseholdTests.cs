using Juso.Domain.Common;
using Juso.Domain.Households;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Households;

public class HouseholdTests
{
    private static List<(int? MemberId, MemberDetails Details)> Rows(params (int? MemberId, MemberDetails Details)[] rows) => [.. rows];

    [Fact]
    public void Create_ValidMembers_HoldsMembersWithPrincipalAndNormalisedKana()
    {
        var household = Household.Create(" 東京都千代田区1-1 ", "  ", null,
            [new MemberDetails(" 鈴木 ", "一郎", "すずき", "ｲﾁﾛｳ", new DateOnly(1950, 5, 1), Relationship.Principal), Son()], Now);

        Assert.Equal("東京都千代田区1-1", household.Address);
        Assert.Null(household.Phone);
        Assert.Equal(2, household.Members.Count);
        var principal = Assert.IsType<HouseholdMember>(household.Principal);
        Assert.Equal("鈴木\u3000一郎", principal.FullName);
        Assert.Equal("スズキ\u3000イチロウ", principal.FullNameKana);
        Assert.Equal(76, principal.AgeOn(Today));
    }

    [Fact]
    public void Revise_MemberRenamed_SearchKeyHoldsEveryMembersNewNameAndKatakanaReading()
    {
        var household = Household.Create(null, null, null,
            [new MemberDetails("鈴木", "一郎", "すずき", "ｲﾁﾛｳ", null, Relationship.Principal), Son()], Now);
        var principalId = household.Principal!.Id;
        var created = household.SearchKey;

        household.Revise(null, null, null,
            [(principalId, new MemberDetails("佐藤", "一郎", "さとう", "いちろう", null, Relationship.Principal)), (null, Son())], Now);

        Assert.Contains("\n鈴木一郎\nスズキイチロウ", created);
        Assert.Equal(HouseholdSearch.KeyOf(household.Members), household.SearchKey);
        Assert.Contains("\n佐藤一郎\nサトウイチロウ", household.SearchKey);
        Assert.DoesNotContain("鈴木一郎", household.SearchKey);
        Assert.DoesNotContain("スズキイチロウ", household.SearchKey);
        Assert.False(household.RefreshSearchKey());
        Assert.True(HouseholdSearch.Matches(household.SearchKey, HouseholdSearch.TermsOf("ｻﾄｳ ｲﾁﾛｳ")!));
        Assert.True(HouseholdSearch.Matches(household.SearchKey, HouseholdSearch.TermsOf("さとう")!));
        Assert.False(HouseholdSearch.Matches(household.SearchKey, HouseholdSearch.TermsOf("すずきいちろう")!));
    }

    [Fact]
    public void Create_NoMembers_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Household.Create("東京都", null, null, [], Now));

        Assert.Equal(new DomainError("Members", "世帯員を1人以上登録してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_NoPrincipal_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Household.Create("東京都", null, null, [Son(), Spouse()], Now));

        HasError(ex, "Members", "本人（続柄「本人」）を1人だけ指定してください。");
    }

    [Fact]
    public void Create_TwoPrincipals_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Household.Create("東京都", null, null,
            [Principal(), Son() with { Relationship = Relationship.Principal }], Now));

        HasError(ex, "Members", "本人（続柄「本人」）を1人だけ指定してください。");
    }

    [Fact]
    public void Create_BadSecondMember_GivesEveryMessageOnThatMembersKeys()
    {
        var bad = new MemberDetails("", " ", "Jiro", null, null, (Relationship)99);

        var ex = Assert.Throws<DomainException>(() => Household.Create("東京都", null, null, [Principal(), bad], Now));

        HasError(ex, "Members[1].FamilyName", "氏を入力してください。");
        HasError(ex, "Members[1].GivenName", "名を入力してください。");
        HasError(ex, "Members[1].FamilyNameKana", "氏（フリガナ）はカタカナまたはひらがなで入力してください。");
        HasError(ex, "Members[1].GivenNameKana", "名（フリガナ）を入力してください。");
        HasError(ex, "Members[1].Relationship", "続柄を選択してください。");
        Assert.Equal(5, ex.Errors.Count);
    }

    [Fact]
    public void Revise_SexChosenForOneMember_IsKeptAndStaysOptionalForTheOthers()
    {
        var household = StoredHousehold();

        household.Revise(null, null, null, Rows((101, Principal() with { Sex = Sex.Female }), (102, Son())), Now);

        Assert.Equal(new Sex?[] { Sex.Female, null }, household.Members.Select(m => m.Sex));
        Assert.Equal("女性", household.Members[0].Sex!.Value.Label());
    }

    [Fact]
    public void Create_SexOutsideTheList_IsRefusedOnThatMember()
    {
        var ex = Assert.Throws<DomainException>(() => Household.Create(null, null, null, [Principal(), Son() with { Sex = (Sex)9 }], Now));

        Assert.Equal(new DomainError("Members[1].Sex", "性別は選択肢から選んでください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_FutureBirthDate_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Household.Create(null, null, null,
            [Principal(), Son(birthDate: Today.AddDays(1))], Now));

        Assert.Equal(new DomainError("Members[1].BirthDate", "生年月日に未来の日付は入力できません。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_BirthDateBefore1900_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Household.Create(null, null, null,
            [Principal(birthDate: new DateOnly(1899, 12, 31))], Now));

        Assert.Equal(new DomainError("Members[0].BirthDate", "生年月日は1900年以降の日付を入力してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_MoreThanMaxMembers_IsRefused()
    {
        var members = new List<MemberDetails> { Principal() };
        members.AddRange(Enumerable.Repeat(Son(), Household.MaxMembers));

        var ex = Assert.Throws<DomainException>(() => Household.Create(null, null, null, members, Now));

        Assert.Equal(new DomainError("Members", "世帯員は20人までです。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_ExactlyMaxMembers_IsAccepted()
    {
        var members = new List<MemberDetails> { Principal() };
        members.AddRange(Enumerable.Repeat(Son(), Household.MaxMembers - 1));

        var household = Household.Create(null, null, null, members, Now);

        Assert.Equal(Household.MaxMembers, household.Members.Count);
    }

    [Fact]
    public void Create_AddressPhoneAndNoteOverMaxLength_AreRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Household.Create(
            new string('町', Household.AddressMaxLength + 1), new string('0', Household.PhoneMaxLength + 1),
            new string('備', Household.NoteMaxLength + 1), [Principal()], Now));

        HasError(ex, "Address", "住所は200文字以内で入力してください（現在201文字）。");
        HasError(ex, "Phone", "電話番号は30文字以内で入力してください（現在31文字）。");
        HasError(ex, "Note", "世帯の備考は1000文字以内で入力してください（現在1001文字）。");
    }

    [Fact]
    public void Revise_ExistingNewAndMissingMembers_UpdatesAddsAndRemoves()
    {
        var household = StoredHousehold();
        var principal = household.Members[0];
        var later = Now.AddDays(1);

        household.Revise("東京都港区2-2", null, "転居", Rows(
            (101, Principal() with { GivenName = "一朗", GivenNameKana = "いちろう" }),
            (null, Spouse())), later);

        Assert.Equal("東京都港区2-2", household.Address);
        Assert.Null(household.Phone);
        Assert.Equal("転居", household.Note);
        Assert.Equal(2, household.Members.Count);
        Assert.Same(principal, household.Members[0]);
        Assert.Equal("一朗", principal.GivenName);
        Assert.Equal("イチロウ", principal.GivenNameKana);
        Assert.Equal("和子", household.Members[1].GivenName);
        Assert.DoesNotContain(household.Members, m => m.Id == 102);
        Assert.Equal(later.UtcDateTime, household.UpdatedAt);
    }

    [Fact]
    public void Revise_PrincipalMovesToAnotherMember_ChangesPrincipal()
    {
        var household = StoredHousehold();

        household.Revise(household.Address, household.Phone, null, Rows(
            (101, Principal() with { Relationship = Relationship.Parent }),
            (102, Son() with { Relationship = Relationship.Principal })), Now);

        Assert.Equal(102, household.Principal?.Id);
        Assert.Equal(Relationship.Parent, household.Members[0].Relationship);
    }

    [Fact]
    public void Revise_UnknownMemberId_IsRefusedAndNothingChanges()
    {
        var household = StoredHousehold();

        var ex = Assert.Throws<DomainException>(() => household.Revise("東京都港区2-2", null, null,
            Rows((101, Principal()), (999, Son())), Now.AddDays(1)));

        HasError(ex, "Members", "この世帯にいない世帯員が指定されました。画面を再読み込みしてください。");
        Assert.Equal("東京都千代田区1-1", household.Address);
        Assert.Equal([101, 102], household.Members.Select(m => m.Id));
    }

    [Fact]
    public void Revise_OneBadMember_LeavesAddressAndAllMembersUnchanged()
    {
        var household = StoredHousehold();
        var updatedAt = household.UpdatedAt;

        var ex = Assert.Throws<DomainException>(() => household.Revise("東京都港区2-2", "090-0000-0000", "備考", Rows(
            (101, Principal() with { FamilyName = "佐藤", FamilyNameKana = "サトウ" }),
            (null, Spouse()),
            (102, Son() with { GivenNameKana = "次郎" })), Now.AddDays(1)));

        Assert.Equal(new DomainError("Members[2].GivenNameKana", "名（フリガナ）はカタカナまたはひらがなで入力してください。"), Assert.Single(ex.Errors));
        Assert.Equal("東京都千代田区1-1", household.Address);
        Assert.Equal("03-1234-5678", household.Phone);
        Assert.Null(household.Note);
        Assert.Equal([101, 102], household.Members.Select(m => m.Id));
        Assert.Equal("鈴木", household.Members[0].FamilyName);
        Assert.Equal("スズキ", household.Members[0].FamilyNameKana);
        Assert.Equal("ジロウ", household.Members[1].GivenNameKana);
        Assert.Equal(updatedAt, household.UpdatedAt);
    }

    [Fact]
    public void Revise_RemovingEveryMember_IsRefused()
    {
        var household = StoredHousehold();

        var ex = Assert.Throws<DomainException>(() => household.Revise(null, null, null, Rows(), Now));

        HasError(ex, "Members", "世帯員を1人以上登録してください。");
        Assert.Equal(2, household.Members.Count);
    }

    [Fact]
    public void AgeOn_DayBeforeBirthday_IsOneYearLess()
    {
        var household = NewHousehold(Principal(birthDate: new DateOnly(1950, 11, 24)));

        Assert.Equal(75, household.Members[0].AgeOn(Today));
        Assert.Equal(76, household.Members[0].AgeOn(Today.AddDays(1)));
    }

    [Fact]
    public void Revise_SameMemberTwice_IsRefused_AndLeavesHouseholdAsItWas()
    {
        var household = StoredHousehold();

        var ex = Assert.Throws<DomainException>(() => household.Revise("新住所", null, null, [(101, Principal()), (101, Son())], Now));

        HasError(ex, "Members", "同じ世帯員が重複して指定されました。画面を再読み込みしてください。");
        Assert.Equal(2, household.Members.Count);
        Assert.NotNull(household.Principal);
    }
}
