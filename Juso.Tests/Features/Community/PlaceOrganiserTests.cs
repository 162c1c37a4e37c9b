using Juso.Domain.Agencies;
using Juso.Portal.Features.Community;
using Juso.Tests.Support;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Community;

/// <summary>The 主催 of a place is chosen: the agencies first, then the organisers other places already name (docs/adr/0030).</summary>
public sealed class PlaceOrganiserTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Organisers_AreTheActiveAgencies_ThenTheOrganisersInUse_MostUsedFirst()
    {
        await _harness.AddAgencyAsync("ひばり野市社会福祉協議会", AgencyField.Other);
        await _harness.AddAgencyAsync("閉所したセンター", AgencyField.Elderly, active: false);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var community = _harness.Get<CommunityService>(scope);
        Ok(await community.CreateAsync(new PlaceForm { Name = "東町ふれあいサロン", Organiser = "東町自治会" }));
        Ok(await community.CreateAsync(new PlaceForm { Name = "ひばりの家", Organiser = "ひばり野市社会福祉協議会" }));
        Ok(await community.CreateAsync(new PlaceForm { Name = "子ども食堂", Organiser = "にじいろ食堂 運営委員会" }));
        Ok(await community.CreateAsync(new PlaceForm { Name = "東町の夏祭り", Organiser = "東町自治会" }));

        Assert.Equal(["ひばり野市社会福祉協議会", "東町自治会", "にじいろ食堂 運営委員会"], await community.OrganisersAsync());
    }
}
