using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Cases;

public sealed class IntakeServiceTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task OpenCase_ValidForm_SavesHouseholdCaseConsentAndAudit()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid());

        Assert.Equal(SaveStatus.Saved, result.Status);
        await using var db = _harness.NewContext();
        var saved = await db.Cases.Include(c => c.Consents).SingleAsync(c => c.Id == result.Id);
        Assert.Equal("2026-0001", saved.Number);
        Assert.Equal(CaseStage.Intake, saved.Stage);
        Assert.Equal(ConsentStatus.Obtained, saved.CurrentConsent);
        var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == saved.HouseholdId);
        Assert.Equal(2, household.Members.Count);
        Assert.Contains(household.Members, m => m.GivenNameKana == "カズコ");
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CaseOpened);
        Assert.Equal(saved.Id, audit.CaseId);
        Assert.Equal("u-coordinator", audit.UserId);
        Assert.Equal("192.0.2.10", audit.Address);
    }

    [Fact]
    public async Task OpenCase_SexOfAMemberAndTheTriageMeetingRoute_AreSaved()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var form = IntakeForms.Valid();
        form.Members[0].Sex = Juso.Domain.Households.Sex.Male;
        form.IntakeRoute = IntakeRoute.TriageMeeting;

        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);

        Assert.Equal(SaveStatus.Saved, result.Status);
        await using var db = _harness.NewContext();
        var saved = await db.Cases.SingleAsync(c => c.Id == result.Id);
        Assert.Equal(IntakeRoute.TriageMeeting, saved.IntakeRoute);
        var members = await db.Households.Where(h => h.Id == saved.HouseholdId).SelectMany(h => h.Members).ToListAsync();
        Assert.Equal(Juso.Domain.Households.Sex.Male, members.Single(m => m.GivenName == form.Members[0].GivenName).Sex);
        Assert.Null(members.Single(m => m.GivenName == form.Members[1].GivenName).Sex);
    }

    [Fact]
    public async Task OpenCase_SecondCaseOfFiscalYear_GetsNextNumber_AndNewYearStartsAtOne()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var intake = _harness.Get<IntakeService>(scope);
        var first = await intake.OpenCaseAsync(IntakeForms.Valid(new DateTime(2026, 4, 1)));
        var second = await intake.OpenCaseAsync(IntakeForms.Valid(new DateTime(2026, 11, 1), family: "佐藤", familyKana: "サトウ"));
        var previousYear = await intake.OpenCaseAsync(IntakeForms.Valid(new DateTime(2026, 3, 31), family: "鈴木", familyKana: "スズキ"));

        await using var db = _harness.NewContext();
        var numbers = await db.Cases.OrderBy(c => c.Id).Select(c => new { c.FiscalYear, c.Sequence }).ToListAsync();
        Assert.Equal([(2026, 1), (2026, 2), (2025, 1)], numbers.Select(n => (n.FiscalYear, n.Sequence)));
        Assert.All([first, second, previousYear], r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task OpenCase_ManyProblems_ReportsEachOnItsField_AndSavesNothing()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var form = IntakeForms.Valid();
        form.IntakeDate = new DateTime(2026, 12, 1);             // future
        form.Concerns.Clear();                                    // none chosen
        form.IntakeSummary = new string('あ', SupportCase.SummaryMaxLength + 1);
        form.Members[0].FamilyNameKana = "Yamada";                // not kana
        form.Members[1].GivenName = "";                           // required

        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        var byField = result.Errors.ToLookup(e => e.Field);
        Assert.Contains("未来", Assert.Single(byField["IntakeDate"]).Message);
        Assert.Contains("相談分類", Assert.Single(byField["Concerns"]).Message);
        Assert.Contains("2000文字以内", Assert.Single(byField["IntakeSummary"]).Message);
        Assert.Contains("カタカナまたはひらがな", Assert.Single(byField["Members[0].FamilyNameKana"]).Message);
        Assert.Contains("名を入力", Assert.Single(byField["Members[1].GivenName"]).Message);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task OpenCase_BirthDateAfterIntakeDate_IsRefusedOnThatMember()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var form = IntakeForms.Valid(new DateTime(2026, 11, 1));
        form.Members[1].BirthDate = new DateTime(2026, 11, 10);

        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Members[1].BirthDate", error.Field);
        Assert.Equal("生年月日が受付日より後になっています。", error.Message);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task OpenCase_ReferralFromInactiveAgency_IsRefused()
    {
        var inactive = await _harness.AddAgencyAsync("休止中の相談所", active: false);
        await using var scope = _harness.As(TestUsers.Coordinator());

        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid(referringAgencyId: inactive.Id));

        Assert.Equal("ReferringAgencyId", Assert.Single(result.Errors).Field);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task OpenCase_ByAgencyMember_GivesTheirAgencyAccessToTheCase()
    {
        var agency = await _harness.AddAgencyAsync("東部地域包括支援センター");
        await using var scope = _harness.As(TestUsers.MemberOf(agency.Id));
        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid());

        var detail = await _harness.Get<CaseService>(scope).GetAsync(result.Id);

        Assert.NotNull(detail);
        Assert.True(detail.CanEdit);
        Assert.Contains(detail.Agencies, a => a.AgencyId == agency.Id && a.Role == CaseAgencyRole.Intake);
    }

    [Fact]
    public async Task OpenCase_ByAgencyMember_AsAReferralWithoutAnAgency_IsReferredFromTheirOwnAgency()
    {
        var agency = await _harness.AddAgencyAsync("東部地域包括支援センター");
        await using var scope = _harness.As(TestUsers.MemberOf(agency.Id));
        var form = IntakeForms.Valid();
        form.IntakeRoute = IntakeRoute.AgencyReferral;

        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.Equal(agency.Id, await _harness.Get<IntakeService>(scope).OwnAgencyIdAsync());
        await using var db = _harness.NewContext();
        Assert.Equal(agency.Id, (await db.Cases.SingleAsync(c => c.Id == result.Id)).ReferringAgencyId);
    }

    [Fact]
    public async Task OpenCase_ForKnownHousehold_AddsSecondCaseToSameHousehold()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var intake = _harness.Get<IntakeService>(scope);
        var first = await intake.OpenCaseAsync(IntakeForms.Valid());
        await using var db = _harness.NewContext();
        var householdId = await db.Cases.Where(c => c.Id == first.Id).Select(c => c.HouseholdId).SingleAsync();

        var form = await intake.NewFormForHouseholdAsync(householdId);
        Assert.NotNull(form);
        form.IntakeDate = new DateTime(2026, 11, 22);
        form.IntakeRoute = IntakeRoute.Phone;
        form.Concerns = ["Poverty"];
        form.IntakeSummary = "家賃の滞納について再度相談。";
        var second = await intake.OpenCaseAsync(form);

        Assert.True(second.Succeeded, string.Join(" ", second.Errors.Select(e => e.Message)));
        Assert.Equal(1, await db.Households.CountAsync());
        Assert.Equal(2, await db.Cases.CountAsync(c => c.HouseholdId == householdId));
    }

    [Fact]
    public async Task OpenCase_ConsulterChosenFromTheHousehold_IsKept_AndOtherWithNothingTyped_IsRefusedOnThatField()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var intake = _harness.Get<IntakeService>(scope);
        var form = IntakeForms.Valid();
        var mother = form.ConsulterOptions([]).Single(o => o.Text.Contains("和子", StringComparison.Ordinal));
        Assert.Equal("山田\u3000和子（父母）", mother.Value);
        form.ConsulterName = string.Empty;

        var refused = await intake.OpenCaseAsync(form);

        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Equal("相談者で「その他」を選んだときは、誰からの相談かを入力してください。", Assert.Single(refused.Errors, e => e.Field == "ConsulterName").Message);
        await AssertNothingSavedAsync();

        form.ConsulterName = mother.Value;
        var saved = await intake.OpenCaseAsync(form);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        await using var db = _harness.NewContext();
        Assert.Equal("山田\u3000和子（父母）", (await db.Cases.SingleAsync()).ConsulterName);
    }

    private async Task AssertNothingSavedAsync()
    {
        await using var db = _harness.NewContext();
        Assert.Equal(0, await db.Households.CountAsync());
        Assert.Equal(0, await db.HouseholdMembers.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.ConsentRecords.CountAsync());
    }
}
