using Juso.Domain.Auditing;
using Juso.Portal.Common;
using Juso.Portal.Features.Monitoring;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Monitoring;

/// <summary>The overdue list across agencies, one page per query (issue 15: thousands of rows at 100,000 cases).</summary>
public sealed class OverdueOverviewTests : IAsyncLifetime
{
    private AlertWorld _world = default!;
    private List<int> _cases = [];

    public async Task InitializeAsync()
    {
        _world = await AlertWorld.CreateAsync();
        // Due on the 24th, 25th and 26th; on 3 December they are 9, 8 and 7 days overdue.
        for (var day = 1; day <= 3; day++)
        {
            _cases.Add(await _world.CaseWithActivePlanAsync(_world.Today.AddDays(day)));
        }
        _world.Harness.Time.Advance(TimeSpan.FromDays(10));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Pages_CountEveryOverduePlan_ListOnlyTheirPage_MostOverdueFirstOrLeast_AndAuditThePagesCases()
    {
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var overview = _world.Harness.Get<OverdueOverviewService>(scope);

        var first = await overview.OverdueAsync(0, pageSize: 2);
        var second = await overview.OverdueAsync(1, pageSize: 2);
        var leastFirst = await overview.OverdueAsync(0, mostOverdueFirst: false, pageSize: 2);

        Assert.Equal([3, 3, 3], new[] { first.TotalCount, second.TotalCount, leastFirst.TotalCount });
        Assert.Equal([_cases[0], _cases[1]], first.Items.Select(r => r.CaseId));
        Assert.Equal([9, 8], first.Items.Select(r => r.DaysOverdue));
        Assert.Equal([_cases[2]], second.Items.Select(r => r.CaseId));
        Assert.Equal([_cases[2], _cases[1]], leastFirst.Items.Select(r => r.CaseId));
        await using var db = _world.Harness.NewContext();
        var secondPage = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CaseListViewed && a.Detail == "モニタリング期限切れの一覧（全機関） 3件中 2ページ目");
        Assert.Equal([_cases[2]], secondPage.ShownCaseIds);
    }

    [Fact]
    public async Task HomeDueList_ShowsOnePageAtATime_WithTheCountOfAll_MostOverdueFirst()
    {
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var monitoring = _world.Harness.Get<MonitoringService>(scope);

        var first = await monitoring.DueAsync(page: 0, pageSize: 2);
        var second = await monitoring.DueAsync(page: 1, pageSize: 2);

        Assert.Equal([3, 3], new[] { first.TotalCount, second.TotalCount });
        Assert.Equal([_cases[0], _cases[1]], first.Items.Select(r => r.CaseId));
        Assert.Equal([9, 8], first.Items.Select(r => r.DaysOverdue));
        Assert.Equal([_cases[2]], second.Items.Select(r => r.CaseId));
        Assert.All(first.Items.Concat(second.Items), r => Assert.StartsWith(AlertWorld.PrincipalFamilyName, r.PrincipalName));
        await using var db = _world.Harness.NewContext();
        var secondPage = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CaseListViewed && a.Detail == "モニタリング期限の一覧 3件中 2ページ目");
        Assert.Equal([_cases[2]], secondPage.ShownCaseIds);
    }

    [Fact]
    public async Task HomeDueList_PastItsCountLimit_SaysSoAndPagesOnlyUpToIt()
    {
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var monitoring = _world.Harness.Get<MonitoringService>(scope);

        var first = await monitoring.DueAsync(page: 0, pageSize: 2, countLimit: 2);
        var beyond = await monitoring.DueAsync(page: 1, pageSize: 2, countLimit: 2);

        Assert.Equal("2件以上", MonitoringService.DueCountText(first.TotalCount, 2));
        Assert.Equal([_cases[0], _cases[1]], first.Items.Select(r => r.CaseId));
        Assert.Equal([_cases[0], _cases[1]], beyond.Items.Select(r => r.CaseId));
    }

    [Fact]
    public async Task AnAgencyMember_IsRefused()
    {
        await using var scope = _world.Harness.As(TestUsers.MemberOf(_world.Lead.Id));

        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Harness.Get<OverdueOverviewService>(scope).OverdueAsync(0));
    }
}
