using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Community;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Community;

/// <summary>
/// The case of a place's つながった相談 is chosen, not typed: only cases the member may see are offered (never one of another
/// agency, nor one whose consent was withdrawn), a case chosen is checked again on save, and the place page names it only
/// to those who may see it.
/// </summary>
public sealed class PlaceReferralCaseTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private Agency _own = default!;
    private Agency _other = default!;
    private CaseChoice _ownCase = default!;
    private CaseChoice _otherCase = default!;
    private CaseChoice _withdrawnCase = default!;
    private int _placeId;
    private int _placeVersion;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        var steps = new CaseSteps(_harness);
        _own = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _other = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        await using (var member = _harness.As(Member()))
        {
            _ownCase = await ChoiceAsync(Ok(await _harness.Get<IntakeService>(member).OpenCaseAsync(IntakeForms.Valid(family: "田中", familyKana: "タナカ"))).Id);
        }
        var otherId = await steps.OpenAsync("山田", "ヤマダ");
        var withdrawnId = await steps.OpenAsync("佐藤", "サトウ");
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            var cases = _harness.Get<CaseService>(coordinator);
            Ok(await cases.InvolveAgencyAsync(otherId, await steps.CaseVersionAsync(otherId), _other.Id));
            Ok(await cases.InvolveAgencyAsync(withdrawnId, await steps.CaseVersionAsync(withdrawnId), _own.Id));
            Ok(await cases.RecordConsentAsync(withdrawnId, await steps.CaseVersionAsync(withdrawnId),
                new ConsentForm { Status = ConsentStatus.Withdrawn, Date = new DateTime(2026, 11, 21), Method = ConsentMethod.Written }));
            var place = Ok(await _harness.Get<CommunityService>(coordinator).CreateAsync(new PlaceForm { Name = "東町ふれあいサロン", Organiser = "東町自治会" }));
            (_placeId, _placeVersion) = (place.Id, place.Version);
        }
        _otherCase = await ChoiceAsync(otherId);
        _withdrawnCase = await ChoiceAsync(withdrawnId);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private System.Security.Claims.ClaimsPrincipal Member() => TestUsers.MemberOf(_own.Id, "藤井 由美");

    [Fact]
    public async Task FindCases_Member_IsOfferedOnlyTheCasesTheyMayOpen_ByNumberOrName()
    {
        await using var scope = _harness.As(Member());
        var community = _harness.Get<CommunityService>(scope);

        Assert.Equal([_ownCase], await community.FindCasesAsync(null));
        Assert.Equal([_ownCase], await community.FindCasesAsync("たなか"));
        Assert.Equal([_ownCase], await community.FindCasesAsync(_ownCase.Number.Replace("-", string.Empty, StringComparison.Ordinal)));
        Assert.Empty(await community.FindCasesAsync("山田"));
        Assert.Empty(await community.FindCasesAsync(_otherCase.Number));
        Assert.Empty(await community.FindCasesAsync("佐藤"));
        Assert.Empty(await community.FindCasesAsync(_withdrawnCase.Number));
        Assert.Equal("田中\u3000一郎", _ownCase.PrincipalName);

        await using var db = _harness.NewContext();
        var offered = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == AuditAction.CaseListViewed && a.UserId == $"u-member-{_own.Id}");
        Assert.Equal(AuditEntry.Mentions(_ownCase.Id), offered.CaseIds);
    }

    [Fact]
    public async Task FindCases_Coordinator_IsOfferedEveryCase()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var offered = await _harness.Get<CommunityService>(scope).FindCasesAsync(null);
        Assert.Equal(new[] { _ownCase.Id, _otherCase.Id, _withdrawnCase.Id }.Order(), offered.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task RecordReferral_CaseTheMemberMayNotOpen_IsRefused_AndNothingIsSaved()
    {
        await using (var scope = _harness.As(Member()))
        {
            var community = _harness.Get<CommunityService>(scope);
            foreach (var hidden in new[] { _otherCase, _withdrawnCase })
            {
                var result = await community.RecordReferralAsync(_placeId, _placeVersion, new ReferralForm { On = Today(), Case = hidden });
                Assert.Equal(SaveStatus.Invalid, result.Status);
                Assert.Equal(new DomainError(nameof(ReferralForm.Case), "選択されたケースは見つからないか、閲覧する権限がありません。"), Assert.Single(result.Errors));
            }
        }
        await using var db = _harness.NewContext();
        Assert.Equal((0, _placeVersion), (await db.CommunityPlaces.Where(p => p.Id == _placeId).SelectMany(p => p.Referrals).CountAsync(),
            await db.CommunityPlaces.Where(p => p.Id == _placeId).Select(p => p.Version).SingleAsync()));
    }

    [Fact]
    public async Task RecordReferral_ChosenCase_IsShownAsItsNumberAndName_OnlyToThoseWhoMayOpenIt()
    {
        await using (var scope = _harness.As(Member()))
        {
            var community = _harness.Get<CommunityService>(scope);
            var chosen = Assert.Single(await community.FindCasesAsync("田中"));
            Ok(await community.RecordReferralAsync(_placeId, _placeVersion, new ReferralForm { On = Today(), Case = chosen, Note = "サロンの世話役から" }));
            var shown = Assert.Single((await community.GetAsync(_placeId))!.Referrals);
            Assert.Equal((_ownCase, false), (shown.Case, shown.CaseWithheld));
        }
        await using (var scope = _harness.As(TestUsers.MemberOf(_other.Id)))
        {
            var shown = Assert.Single((await _harness.Get<CommunityService>(scope).GetAsync(_placeId))!.Referrals);
            Assert.Equal((null, true), (shown.Case, shown.CaseWithheld));
        }
        await using var db = _harness.NewContext();
        var saved = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == AuditAction.CommunityPlaceChanged);
        Assert.Equal(_ownCase.Id, saved.CaseId);
    }

    private DateTime Today() => JapanDate.Today(_harness.Time.GetUtcNow()).ToDateTime(TimeOnly.MinValue);

    private async Task<CaseChoice> ChoiceAsync(int caseId)
    {
        await using var db = _harness.NewContext();
        var supportCase = await db.Cases.SingleAsync(c => c.Id == caseId);
        var principal = await db.HouseholdMembers.SingleAsync(m => m.HouseholdId == supportCase.HouseholdId && m.Relationship == Juso.Domain.Households.Relationship.Principal);
        return new CaseChoice(caseId, SupportCase.FormatNumber(supportCase.FiscalYear, supportCase.Sequence), $"{principal.FamilyName}\u3000{principal.GivenName}");
    }
}
