using Juso.Domain.Households;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Infrastructure.Persistence;

/// <summary>Households stored before the CaseSearchKey migration get their key at startup, and are found again.</summary>
public sealed class SearchKeyFillTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FillSearchKeysAsync_RowsWithoutKey_AreFoundAgain_WithTheDomainsKey_AndNoNewVersion()
    {
        var agency = (await _harness.AddAgencyAsync("東部地域包括支援センター")).Id;
        await using (var scope = _harness.As(TestUsers.MemberOf(agency)))
        {
            Assert.True((await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid())).Succeeded);
        }
        string expected;
        int version;
        await using (var db = _harness.NewContext())
        {
            var household = await db.Households.AsNoTracking().Include(h => h.Members).SingleAsync();
            expected = HouseholdSearch.KeyOf(household.Members);
            version = household.Version;
            Assert.Equal(expected, household.SearchKey);
            // As the migration leaves a row stored before it.
            await db.Households.ExecuteUpdateAsync(s => s.SetProperty(h => h.SearchKey, string.Empty));
        }
        Assert.Equal(0, (await SearchAsync(agency, "やまだ")).TotalCount);

        await using var startup = _harness.Services.CreateAsyncScope();
        var initializer = startup.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        var filled = await initializer.FillSearchKeysAsync();
        var again = await initializer.FillSearchKeysAsync();

        Assert.Equal(1, filled);
        Assert.Equal(0, again);
        Assert.Equal(1, (await SearchAsync(agency, "やまだ")).TotalCount);
        await using var after = _harness.NewContext();
        var stored = await after.Households.AsNoTracking().SingleAsync();
        Assert.Equal(expected, stored.SearchKey);
        Assert.Equal(version, stored.Version);
    }

    private async Task<PagedResult<CaseListItem>> SearchAsync(int agency, string text)
    {
        await using var scope = _harness.As(TestUsers.MemberOf(agency));
        return await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(text), 0, 20);
    }
}
