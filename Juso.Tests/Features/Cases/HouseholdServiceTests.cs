using Juso.Domain.Households;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Cases;

public sealed class HouseholdServiceTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private int _householdId;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());
        var opened = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid());
        await using var db = _harness.NewContext();
        _householdId = await db.Cases.Where(c => c.Id == opened.Id).Select(c => c.HouseholdId).SingleAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Update_TwoPeopleFromSameVersion_SecondIsRefusedAsConflict_FirstIsKept()
    {
        await using var first = _harness.As(TestUsers.Coordinator());
        await using var second = _harness.As(TestUsers.Principal("u-other", "大野 誠", null, Juso.Infrastructure.Identity.JusoRoles.Supervisor));
        var seenByFirst = await _harness.Get<HouseholdService>(first).GetAsync(_householdId);
        var seenBySecond = await _harness.Get<HouseholdService>(second).GetAsync(_householdId);

        var firstSave = await _harness.Get<HouseholdService>(first).UpdateAsync(_householdId, seenByFirst!.Version, FormFrom(seenByFirst, "東町2丁目"));
        var secondSave = await _harness.Get<HouseholdService>(second).UpdateAsync(_householdId, seenBySecond!.Version, FormFrom(seenBySecond, "西町9丁目"));

        Assert.Equal(SaveStatus.Saved, firstSave.Status);
        Assert.Equal(SaveStatus.Conflict, secondSave.Status);
        Assert.Contains("他の人が先に", secondSave.Errors.Single().Message);
        var reloaded = await _harness.Get<HouseholdService>(second).GetAsync(_householdId);
        Assert.Equal("東町2丁目", reloaded!.Address);
        Assert.Equal(seenByFirst.Version + 1, reloaded.Version);
    }

    [Fact]
    public async Task Update_ConcurrentSaveBetweenLoadAndCommit_IsCaughtByTheDatabase()
    {
        // Two contexts load the same row; the second UPDATE carries a stale Version and matches nothing.
        await using var a = _harness.NewContext();
        await using var b = _harness.NewContext();
        var ha = await a.Households.Include(h => h.Members).SingleAsync(h => h.Id == _householdId);
        var hb = await b.Households.Include(h => h.Members).SingleAsync(h => h.Id == _householdId);
        var members = ha.Members.Select(m => ((int?)m.Id, new MemberDetails(m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.BirthDate, m.Relationship))).ToList();
        ha.Revise("A", null, null, members, _harness.Time.GetUtcNow());
        hb.Revise("B", null, null, members, _harness.Time.GetUtcNow());

        await a.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
    }

    [Fact]
    public async Task Update_MemberChangeOnly_StillBumpsHouseholdVersion()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var households = _harness.Get<HouseholdService>(scope);
        var before = await households.GetAsync(_householdId);
        var form = FormFrom(before!, before!.Address!);
        form.Members[1].Note = "デイサービス週2回";

        var saved = await households.UpdateAsync(_householdId, before.Version, form);

        Assert.Equal(before.Version + 1, saved.Version);
        var stale = await households.UpdateAsync(_householdId, before.Version, form);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
    }

    [Fact]
    public async Task Update_SexChosenForOneMember_IsShownAndKeptOnTheNextEdit()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var households = _harness.Get<HouseholdService>(scope);
        var before = await households.GetAsync(_householdId);
        var form = FormFrom(before!, before!.Address!);
        form.Members[1].Sex = Sex.Female;

        var saved = await households.UpdateAsync(_householdId, before.Version, form);
        var shown = await households.GetAsync(_householdId);
        var again = FormFrom(shown!, "東町3丁目");
        await households.UpdateAsync(_householdId, saved.Version, again);

        Assert.Equal(SaveStatus.Saved, saved.Status);
        Assert.Equal(new Sex?[] { null, Sex.Female }, shown!.Members.Select(m => m.Sex));
        Assert.Equal(new Sex?[] { null, Sex.Female }, (await households.GetAsync(_householdId))!.Members.Select(m => m.Sex));
    }

    [Fact]
    public async Task Update_InvalidMember_ReportsField_AndKeepsHouseholdAsItWas()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var households = _harness.Get<HouseholdService>(scope);
        var before = await households.GetAsync(_householdId);
        var form = FormFrom(before!, "新しい住所");
        form.Members.Add(new MemberForm { FamilyName = "山田", GivenName = "次郎", FamilyNameKana = "ヤマダ", GivenNameKana = "Jiro", Relationship = Relationship.Sibling });
        form.Members[0].Relationship = Relationship.Sibling; // leaves no principal

        var result = await households.UpdateAsync(_householdId, before!.Version, form);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field == "Members[2].GivenNameKana");
        Assert.Contains(result.Errors, e => e.Field == "Members" && e.Message.Contains("本人"));
        var after = await households.GetAsync(_householdId);
        Assert.Equal(before.Address, after!.Address);
        Assert.Equal(2, after.Members.Count);
        Assert.Equal(before.Version, after.Version);
    }

    private static HouseholdForm FormFrom(HouseholdDetail detail, string address) => new()
    {
        Address = address,
        Phone = detail.Phone,
        Note = detail.Note,
        Members = detail.Members.Select(MemberForm.From).ToList(),
    };
}
