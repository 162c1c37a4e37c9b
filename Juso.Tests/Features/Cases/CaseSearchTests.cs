using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Cases;

/// <summary>The case list's name search through <see cref="CaseService.SearchAsync"/> on real SQLite: what a caseworker types finds whom.</summary>
public sealed class CaseSearchTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private int _agencyA;
    private int _agencyB;
    private int _yamadaOfA;
    private int _satoOfA;
    private int _yamadaOfB;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _agencyA = (await _harness.AddAgencyAsync("東部地域包括支援センター", Juso.Domain.Agencies.AgencyField.Elderly)).Id;
        _agencyB = (await _harness.AddAgencyAsync("こども家庭センター", Juso.Domain.Agencies.AgencyField.Children)).Id;
        _yamadaOfA = await OpenAsync(_agencyA, "山田", "ヤマダ");
        _satoOfA = await OpenAsync(_agencyA, "佐藤", "さとう");
        _yamadaOfB = await OpenAsync(_agencyB, "山田", "ﾔﾏﾀﾞ");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("やまだ")]
    [InlineData("ヤマダ")]
    [InlineData("ﾔﾏﾀﾞ")]
    [InlineData("やまだ　いちろう")]
    [InlineData("ﾔﾏﾀﾞ ｲﾁﾛｳ")]
    [InlineData("山田")]
    [InlineData("山田 一郎")]
    [InlineData("田一")]
    public async Task SearchAsync_NameOrReadingInAnyKanaForm_FindsTheYamadaCases(string typed)
    {
        var found = await SearchAsCoordinatorAsync(typed);

        Assert.Equal(2, found.TotalCount);
        Assert.Equal([_yamadaOfA, _yamadaOfB], found.Items.Select(i => i.Id).Order());
        Assert.All(found.Items, i => Assert.Equal("山田\u3000一郎", i.PrincipalName));
        Assert.All(found.Items, i => Assert.Equal("ヤマダ\u3000イチロウ", i.PrincipalKana));
    }

    [Theory]
    [InlineData("田", 2)]
    [InlineData("郎", 3)]
    [InlineData("ダ", 2)]
    [InlineData("さ", 1)]
    [InlineData("和", 3)]
    public async Task SearchAsync_OneCharacter_FindsEveryCaseWithANameHoldingIt_AtAnyPlace(string typed, int cases)
    {
        // 田 and ダ in two family names, さ (サ) in one, 郎 ending every principal's given name, 和 only in the mother's (和子).
        var found = await SearchAsCoordinatorAsync(typed);

        Assert.Equal(cases, found.TotalCount);
    }

    [Theory]
    [InlineData("一郎山田")]
    [InlineData("イチロウヤマダ")]
    [InlineData("一郎ヤマダ")]
    public async Task SearchAsync_TextRunningFromOneNameIntoTheNext_FindsNothing(string typed)
    {
        // Before the key, each member's name was searched on its own; a match across two names was never one.
        Assert.Equal(0, (await SearchAsCoordinatorAsync(typed)).TotalCount);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{1}")]
    [InlineData(" {0} ")]
    [InlineData("{2}")]
    public async Task SearchAsync_CaseNumberAsShownOrWithoutTheDash_FindsThatCaseOnly(string pattern)
    {
        var number = await NumberOfAsync(_satoOfA);
        var fullWidth = string.Concat(number.Select(c => c == '-' ? '－' : (char)(c - '0' + '０')));

        var found = await SearchAsCoordinatorAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, number, number.Replace("-", string.Empty), fullWidth));

        Assert.Equal([_satoOfA], found.Items.Select(i => i.Id));
        Assert.Equal(1, found.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_CaseNumberOfACaseTheMemberMayNotSee_FindsNothing()
    {
        var number = await NumberOfAsync(_yamadaOfA);
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyB));

        Assert.Equal(0, (await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(number), 0, 20)).TotalCount);
    }

    [Fact]
    public async Task SearchAsync_AnotherHouseholdMembersName_FindsTheCase()
    {
        // The principal is 一郎; 和子 is another member of the household.
        Assert.Equal([_satoOfA], (await SearchAsCoordinatorAsync("佐藤和子")).Items.Select(i => i.Id));
        Assert.Equal([_satoOfA], (await SearchAsCoordinatorAsync("さとう かずこ")).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task SearchAsync_AgencyMember_FindsOnlyCasesTheirAgencyTakesPartIn()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyB));
        var cases = _harness.Get<CaseService>(scope);

        var byReading = await cases.SearchAsync(new CaseSearch("やまだ"), 0, 20);
        var all = await cases.SearchAsync(new CaseSearch(), 0, 20);
        var other = await cases.SearchAsync(new CaseSearch("佐藤"), 0, 20);

        Assert.Equal([_yamadaOfB], byReading.Items.Select(i => i.Id));
        Assert.Equal(1, byReading.TotalCount);
        Assert.Equal([_yamadaOfB], all.Items.Select(i => i.Id));
        Assert.Equal(0, other.TotalCount);
        Assert.Empty(other.Items);
    }

    [Fact]
    public async Task SearchAsync_MemberRenamedInHouseholdEdit_IsFoundByTheNewNameAndNoLongerByTheOld()
    {
        await using (var scope = _harness.As(TestUsers.MemberOf(_agencyA)))
        {
            var households = _harness.Get<HouseholdService>(scope);
            var householdId = await HouseholdOfAsync(_satoOfA);
            var detail = (await households.GetAsync(householdId))!;
            var form = new HouseholdForm { Address = detail.Address, Phone = detail.Phone, Note = detail.Note, Members = detail.Members.Select(MemberForm.From).ToList() };
            var mother = form.Members.Single(m => m.GivenName == "和子");
            mother.FamilyName = "鈴木";
            mother.FamilyNameKana = "すずき";

            Assert.True((await households.UpdateAsync(householdId, detail.Version, form)).Succeeded);
        }

        Assert.Equal([_satoOfA], (await SearchAsCoordinatorAsync("鈴木和子")).Items.Select(i => i.Id));
        Assert.Equal([_satoOfA], (await SearchAsCoordinatorAsync("すずき　かずこ")).Items.Select(i => i.Id));
        Assert.Equal([_satoOfA], (await SearchAsCoordinatorAsync("ｽｽﾞｷ")).Items.Select(i => i.Id));
        Assert.Equal(0, (await SearchAsCoordinatorAsync("佐藤和子")).TotalCount);
        Assert.Equal(0, (await SearchAsCoordinatorAsync("サトウカズコ")).TotalCount);
        // The principal was not renamed: the case is still found and listed by their name.
        var byPrincipal = await SearchAsCoordinatorAsync("さとう");
        Assert.Equal("佐藤\u3000一郎", Assert.Single(byPrincipal.Items).PrincipalName);
    }

    [Fact]
    public async Task SearchAsync_NameWithOtherFiltersAndPages_CountsAllAndListsThePage()
    {
        var first = await SearchAsCoordinatorAsync("山田", page: 0, pageSize: 1);
        var second = await SearchAsCoordinatorAsync("山田", page: 1, pageSize: 1);
        var past = await SearchAsCoordinatorAsync("山田", page: 2, pageSize: 1);

        Assert.Equal(2, first.TotalCount);
        Assert.Equal(2, past.TotalCount);
        Assert.Empty(past.Items);
        // Newest intake first; both came in on the same day, so the later case comes first.
        Assert.Equal([_yamadaOfB, _yamadaOfA], first.Items.Concat(second.Items).Select(i => i.Id));
        Assert.Equal(_yamadaOfB, Assert.Single((await SearchAsCoordinatorAsync("やまだ", agencyId: _agencyB)).Items).Id);
    }

    private async Task<string> NumberOfAsync(int caseId)
    {
        await using var db = _harness.NewContext();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        return c.Number;
    }

    private async Task<PagedResult<CaseListItem>> SearchAsCoordinatorAsync(string text, int page = 0, int pageSize = 20, int? agencyId = null)
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        return await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(text, AgencyId: agencyId), page, pageSize);
    }

    private async Task<int> OpenAsync(int agencyId, string family, string familyKana)
    {
        await using var scope = _harness.As(TestUsers.MemberOf(agencyId));
        var opened = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid(family: family, familyKana: familyKana));
        Assert.True(opened.Succeeded);
        return opened.Id;
    }

    private async Task<int> HouseholdOfAsync(int caseId)
    {
        await using var db = _harness.NewContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.HouseholdId).SingleAsync();
    }
}
