using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Cases;

/// <summary>An agency member of A must not read or change a case of agency B through any service.</summary>
public sealed class CaseAccessTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private int _agencyA;
    private int _agencyB;
    private int _caseOfB;
    private int _householdOfB;
    private int _versionOfB;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _agencyA = (await _harness.AddAgencyAsync("東部地域包括支援センター", Juso.Domain.Agencies.AgencyField.Elderly)).Id;
        _agencyB = (await _harness.AddAgencyAsync("こども家庭センター", Juso.Domain.Agencies.AgencyField.Children)).Id;
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyB));
        var opened = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid());
        Assert.True(opened.Succeeded);
        _caseOfB = opened.Id;
        _versionOfB = opened.Version;
        await using var db = _harness.NewContext();
        _householdOfB = await db.Cases.Where(c => c.Id == _caseOfB).Select(c => c.HouseholdId).SingleAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetCase_OtherAgencysCase_ReturnsNothing_AndAuditsTheDenial()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));

        Assert.Null(await _harness.Get<CaseService>(scope).GetAsync(_caseOfB));

        await using var db = _harness.NewContext();
        var denial = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.AccessDenied);
        Assert.Equal(_caseOfB, denial.CaseId);
        Assert.Equal($"u-member-{_agencyA}", denial.UserId);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.CaseViewed && a.UserId == denial.UserId));
    }

    [Fact]
    public async Task Search_OtherAgencysCase_IsNotListed_EvenByExactName()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));

        var result = await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(Text: "山田"), 0, 20);

        Assert.Equal(0, result.TotalCount);
        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task ChangesToCase_FromOtherAgency_AreRefused_AndChangeNothing()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));
        var cases = _harness.Get<CaseService>(scope);

        var consent = await cases.RecordConsentAsync(_caseOfB, _versionOfB, new ConsentForm { Status = ConsentStatus.Withdrawn, Date = new DateTime(2026, 11, 22), Method = ConsentMethod.Verbal });
        var lead = await cases.SetLeadAgencyAsync(_caseOfB, _versionOfB, _agencyA);
        var involve = await cases.InvolveAgencyAsync(_caseOfB, _versionOfB, _agencyA);

        Assert.All([consent, lead, involve], r => Assert.Equal(SaveStatus.NotFound, r.Status));
        await using var db = _harness.NewContext();
        var unchanged = await db.Cases.Include(c => c.Agencies).SingleAsync(c => c.Id == _caseOfB);
        Assert.Equal(ConsentStatus.Obtained, unchanged.CurrentConsent);
        Assert.Null(unchanged.LeadAgencyId);
        Assert.False(unchanged.Involves(_agencyA));
        Assert.Equal(_versionOfB, unchanged.Version);
    }

    [Fact]
    public async Task Household_OfOtherAgencysCase_CannotBeReadOrChanged()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));
        var households = _harness.Get<HouseholdService>(scope);

        Assert.Null(await households.GetAsync(_householdOfB));
        var update = await households.UpdateAsync(_householdOfB, 1, new HouseholdForm { Address = "書き換え", Members = IntakeForms.Valid().Members });
        Assert.Equal(SaveStatus.NotFound, update.Status);
        Assert.Null(await _harness.Get<IntakeService>(scope).NewFormForHouseholdAsync(_householdOfB));
        var intake = IntakeForms.Valid();
        intake.ExistingHouseholdId = _householdOfB;
        Assert.Equal(SaveStatus.NotFound, (await _harness.Get<IntakeService>(scope).OpenCaseAsync(intake)).Status);

        await using var db = _harness.NewContext();
        Assert.Equal("ひばり野市東町1丁目1番地", (await db.Households.SingleAsync(h => h.Id == _householdOfB)).Address);
    }

    [Fact]
    public async Task AgencyAssignedLater_GainsAccess()
    {
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            var involve = await _harness.Get<CaseService>(coordinator).InvolveAgencyAsync(_caseOfB, _versionOfB, _agencyA);
            Assert.True(involve.Succeeded);
        }
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));

        var detail = await _harness.Get<CaseService>(scope).GetAsync(_caseOfB);

        Assert.NotNull(detail);
        Assert.True(detail.CanEdit);
        Assert.Equal(1, (await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(), 0, 20)).TotalCount);
    }

    [Fact]
    public async Task Chair_ReadsEveryCase_ButCannotChangeIt()
    {
        await using var scope = _harness.As(TestUsers.Chair());
        var cases = _harness.Get<CaseService>(scope);

        var detail = await cases.GetAsync(_caseOfB);
        var change = await cases.SetLeadAgencyAsync(_caseOfB, _versionOfB, _agencyA);

        Assert.NotNull(detail);
        Assert.False(detail.CanEdit);
        Assert.Equal(SaveStatus.NotFound, change.Status);
    }

    [Fact]
    public async Task Administrator_SeesNoCase()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var cases = _harness.Get<CaseService>(scope);

        Assert.Null(await cases.GetAsync(_caseOfB));
        Assert.Equal(0, (await cases.SearchAsync(new CaseSearch(), 0, 20)).TotalCount);
        Assert.False(await _harness.Get<IntakeService>(scope).CanTakeIntakeAsync());
    }

    [Fact]
    public async Task OwnAgency_ReadsCase_AndEveryReadIsAudited()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyB));

        Assert.NotNull(await _harness.Get<CaseService>(scope).GetAsync(_caseOfB));
        Assert.NotNull(await _harness.Get<HouseholdService>(scope).GetAsync(_householdOfB));
        await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(Text: "やまだ"), 0, 20);

        await using var db = _harness.NewContext();
        var actions = await db.AuditEntries.Where(a => a.UserId == $"u-member-{_agencyB}").Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditAction.CaseViewed, actions);
        Assert.Contains(AuditAction.HouseholdViewed, actions);
        var search = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CaseListViewed);
        Assert.Contains("該当1件", search.Detail);
    }

    [Fact]
    public async Task AgencyMember_CannotDiscloseTheirCaseToAnotherAgency_OrMoveTheLead()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyB));
        var cases = _harness.Get<CaseService>(scope);

        var involve = await cases.InvolveAgencyAsync(_caseOfB, _versionOfB, _agencyA);
        var lead = await cases.SetLeadAgencyAsync(_caseOfB, _versionOfB, _agencyA);
        var detail = await cases.GetAsync(_caseOfB);

        Assert.Equal(SaveStatus.NotFound, involve.Status);
        Assert.Equal(SaveStatus.NotFound, lead.Status);
        Assert.True(detail!.CanEdit);
        Assert.False(detail.CanManageAgencies);
        Assert.DoesNotContain(detail.Agencies, a => a.AgencyId == _agencyA);
    }

    [Fact]
    public async Task NewLeadAgency_FormerLeadKeepsItsAccess()
    {
        var third = (await _harness.AddAgencyAsync("くらしサポートセンター")).Id;
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            var cases = _harness.Get<CaseService>(coordinator);
            var first = await cases.SetLeadAgencyAsync(_caseOfB, _versionOfB, _agencyA);
            var second = await cases.SetLeadAgencyAsync(_caseOfB, first.Version, third);
            Assert.True(second.Succeeded);
        }
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));

        var detail = await _harness.Get<CaseService>(scope).GetAsync(_caseOfB);

        Assert.NotNull(detail);
        Assert.Contains(detail.Agencies, a => a.AgencyId == _agencyA && a.Role == CaseAgencyRole.Assigned);
        Assert.Contains(detail.Agencies, a => a.AgencyId == third && a.Role == CaseAgencyRole.Lead);
    }

    [Fact]
    public async Task IntakePrefill_ForOtherAgencysHousehold_IsDeniedAndAudited_OwnIsAuditedAsARead()
    {
        await using (var other = _harness.As(TestUsers.MemberOf(_agencyA)))
        {
            Assert.Null(await _harness.Get<IntakeService>(other).NewFormForHouseholdAsync(_householdOfB));
        }
        await using (var own = _harness.As(TestUsers.MemberOf(_agencyB)))
        {
            Assert.NotNull(await _harness.Get<IntakeService>(own).NewFormForHouseholdAsync(_householdOfB));
        }

        await using var db = _harness.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AccessDenied && a.HouseholdId == _householdOfB && a.UserId == $"u-member-{_agencyA}"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.HouseholdViewed && a.HouseholdId == _householdOfB && a.UserId == $"u-member-{_agencyB}"));
    }
}
