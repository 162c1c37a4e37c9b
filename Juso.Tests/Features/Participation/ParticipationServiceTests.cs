using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Domain.Participation;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Participation;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Participation;

/// <summary>参加支援プラン through the real services and job on SQLite (fake clock 2026-11-23 10:00 JST): R4, access, audit, reminders, figures.</summary>
public sealed class ParticipationServiceTests : IAsyncLifetime
{
    private AlertWorld _world = default!;

    public async Task InitializeAsync() => _world = await AlertWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private DateTime Day(int offset) => _world.Today.AddDays(offset).ToDateTime(TimeOnly.MinValue);

    private async Task<int> ResourceAsync(string name = "ひばり野農園")
    {
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var result = await _world.Harness.Get<ResourceDirectoryService>(scope).SaveAsync(ResourceFormMode.Register, null, null,
            new ResourceForm { Name = name, Kind = ResourceKind.Company, Place = "北町", SuitedFor = "体を動かしたい人" });
        return CaseSteps.Ok(result).Id;
    }

    private async Task<int> PersonAsync(int caseId)
    {
        await using var db = _world.Harness.NewContext();
        var householdId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.HouseholdId).SingleAsync();
        return await db.HouseholdMembers.Where(m => m.HouseholdId == householdId).Select(m => m.Id).FirstAsync();
    }

    /// <summary>A matched plan of a case whose approved 支援プラン uses 参加支援.</summary>
    private async Task<(int CaseId, int PlanId, int ResourceId)> MatchedPlanAsync()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60), participation: true);
        var resourceId = await ResourceAsync();
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var plans = _world.Harness.Get<ParticipationPlanService>(scope);
        var planId = CaseSteps.Ok(await plans.CreateAsync(caseId, new NewParticipationForm { MemberId = await PersonAsync(caseId), Goal = "週1回の外出", FollowUpIntervalDays = 14 })).Id;
        var version = (await _world.Harness.Get<ParticipationQueries>(scope).GetAsync(planId))!.Version;
        CaseSteps.Ok(await plans.MatchAsync(planId, version, new MatchingForm
        {
            ResourceId = resourceId, PersonWishes = "屋外で働きたい", HostBriefing = "朝が苦手", HostAgreement = "週1回2時間から", ConsentOn = Day(0), MatchedOn = Day(0),
            TrialFrom = Day(0), TrialUntil = Day(30),
        }));
        return (caseId, planId, resourceId);
    }

    [Fact]
    public async Task Create_PlanWithoutParticipationSupport_IsRefusedWithTheReason_AndNothingIsSaved()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        await using var scope = _world.Harness.As(TestUsers.Coordinator());

        var tab = await _world.Harness.Get<ParticipationQueries>(scope).ForCaseAsync(caseId);
        var result = await _world.Harness.Get<ParticipationPlanService>(scope).CreateAsync(caseId, new NewParticipationForm { MemberId = await PersonAsync(caseId), Goal = "外出" });

        Assert.Contains("参加支援を使うと定めていません", tab!.WhyNotAllowed);
        Assert.Contains("参加支援を使うと定めていません", Assert.Single(result.Errors).Message);
        await using var db = _world.Harness.NewContext();
        Assert.False(await db.ParticipationPlans.AnyAsync());
    }

    [Fact]
    public async Task MatchAndFollowUp_ByTheCoordinator_AreSavedAndAuditedWithTheCaseId()
    {
        var (caseId, planId, _) = await MatchedPlanAsync();
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var queries = _world.Harness.Get<ParticipationQueries>(scope);
        var before = (await queries.GetAsync(planId))!;

        CaseSteps.Ok(await _world.Harness.Get<ParticipationPlanService>(scope).RecordFollowUpAsync(planId, before.Version,
            new FollowUpForm { VisitedOn = Day(0), Target = FollowUpTarget.Host, Note = "受入先は好意的" }));
        var after = (await queries.GetAsync(planId))!;

        Assert.Equal((ParticipationStatus.Trial, "ひばり野農園"), (before.Status, before.Matched!.Name));
        Assert.Equal(_world.Today.AddDays(14), after.NextFollowUpDue);
        Assert.Equal("受入先は好意的", Assert.Single(after.FollowUps).Note);
        await using var db = _world.Harness.NewContext();
        var audits = await db.AuditEntries.Where(a => a.Action == AuditAction.ParticipationPlanChanged || a.Action == AuditAction.ParticipationPlanViewed).ToListAsync();
        Assert.Equal(6, audits.Count);
        Assert.All(audits, a => Assert.Equal(caseId, a.CaseId));
    }

    [Fact]
    public async Task ReviseGoal_OnAMatchedPlan_IsSavedAndAudited_AStaleVersionIsAConflictNotAnOverwrite()
    {
        var (caseId, planId, _) = await MatchedPlanAsync();
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var queries = _world.Harness.Get<ParticipationQueries>(scope);
        var plans = _world.Harness.Get<ParticipationPlanService>(scope);
        var seen = (await queries.GetAsync(planId))!;

        CaseSteps.Ok(await plans.ReviseGoalAsync(planId, seen.Version, "週2回、農園で決まった作業を受け持つ"));
        var stale = await plans.ReviseGoalAsync(planId, seen.Version, "別の人が書いた目標");

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("週2回、農園で決まった作業を受け持つ", (await queries.GetAsync(planId))!.Goal);
        await using var db = _world.Harness.NewContext();
        var audit = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == AuditAction.ParticipationPlanChanged);
        Assert.Equal((caseId, $"参加支援プラン {planId} の目標"), (audit.CaseId, audit.Detail));
    }

    [Fact]
    public async Task AgencyMemberWithoutAPartInTheCase_SeesNoPlan_AndCannotChangeOne_TheRefusalIsAudited()
    {
        var (caseId, planId, _) = await MatchedPlanAsync();
        var other = await _world.Harness.AddAgencyAsync("東部地域包括支援センター");
        await using var member = _world.Harness.As(TestUsers.MemberOf(other.Id));
        var queries = _world.Harness.Get<ParticipationQueries>(member);

        Assert.Null(await queries.GetAsync(planId));
        Assert.Null(await queries.ForCaseAsync(caseId));
        Assert.Empty(await queries.ListAsync(new ParticipationFilter()));
        var result = await _world.Harness.Get<ParticipationPlanService>(member).RecordFollowUpAsync(planId, 1,
            new FollowUpForm { VisitedOn = Day(0), Note = "見に行った" });

        Assert.False(result.Succeeded);
        await using var db = _world.Harness.NewContext();
        Assert.Empty(await db.ParticipationPlans.SelectMany(p => p.FollowUps).ToListAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied && a.CaseId == caseId && a.UserId == $"u-member-{other.Id}"));
    }

    [Fact]
    public async Task Resource_MatchedInAnOpenPlan_IsNeitherArchivedNorDeleted()
    {
        var (_, _, resourceId) = await MatchedPlanAsync();
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var directory = _world.Harness.Get<ResourceDirectoryService>(scope);
        var resource = Assert.Single(await directory.ListAsync(new ResourceFilter()));

        var archive = await directory.ArchiveAsync(resourceId, resource.Version);
        var delete = await directory.DeleteAsync(resourceId, resource.Version);

        Assert.Contains("利用中の参加支援プランが1件あります", Assert.Single(archive.Errors).Message);
        Assert.Contains("アーカイブしてください", Assert.Single(delete.Errors).Message);
        Assert.Equal(ResourceStatus.Available, Assert.Single(await directory.ListAsync(new ResourceFilter())).Status);
    }

    [Fact]
    public async Task LackingRegister_ListsOnlyLacksOfTheYear_ForTheAnnualReview()
    {
        await ResourceAsync("ある資源");
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var directory = _world.Harness.Get<ResourceDirectoryService>(scope);
        CaseSteps.Ok(await directory.SaveAsync(ResourceFormMode.RecordLack, null, null,
            new ResourceForm { Name = "夜の居場所", Kind = ResourceKind.DropIn, RaisedAt = "令和8年度第2回重層的支援会議", RaisedOn = Day(-3) }));

        var thisYear = await directory.LackingAsync(FiscalYear.Of(_world.Today));
        var lastYear = await directory.LackingAsync(new FiscalYear(2025));

        Assert.Equal(("夜の居場所", "令和8年度第2回重層的支援会議"), (Assert.Single(thisYear).Name, thisYear[0].RaisedAt));
        Assert.Empty(lastYear);
    }

    [Fact]
    public async Task FollowUpReminder_RemindsTheWorkerOnce_ThenAsOverdueOnce()
    {
        var (caseId, planId, _) = await MatchedPlanAsync();
        _world.Harness.Time.Advance(TimeSpan.FromDays(12));

        var soon = await _world.Get<RemindParticipationFollowUpsJob>().RunAsync(CancellationToken.None);
        var again = await _world.Get<RemindParticipationFollowUpsJob>().RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        var overdue = await _world.Get<RemindParticipationFollowUpsJob>().RunAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (soon, again, overdue));
        var alerts = await _world.NotificationsAsync(NotificationKind.ParticipationFollowUpDue);
        Assert.All(alerts, a => Assert.Equal((AlertWorld.CoordinatorId, caseId, $"/participation/{planId}"), (a.RecipientUserId, a.CaseId!.Value, a.Link)));
        Assert.Contains("過ぎています", alerts.Single(a => a.Level == 2).Body);
    }

    [Fact]
    public async Task Figures_CountPlansMatchingsAndParticipantsOfTheFiscalYear()
    {
        await MatchedPlanAsync();
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var community = _world.Harness.Get<Juso.Portal.Features.Community.CommunityService>(scope);
        var placeId = CaseSteps.Ok(await community.CreateAsync(new Juso.Portal.Features.Community.PlaceForm { Name = "ひばりの家", Organiser = "社協" })).Id;
        CaseSteps.Ok(await community.RecordSessionAsync(placeId, 1, new Juso.Portal.Features.Community.SessionForm { HeldOn = Day(-1), Participants = 12 }));
        var version = (await community.GetAsync(placeId))!.Version;
        CaseSteps.Ok(await community.RecordSessionAsync(placeId, version, new Juso.Portal.Features.Community.SessionForm { HeldOn = Day(0), Participants = 9 }));

        var figures = await _world.Harness.Get<ParticipationFigures>(scope).ForFiscalYearAsync(FiscalYear.Of(_world.Today));
        var lastYear = await _world.Harness.Get<ParticipationFigures>(scope).ForFiscalYearAsync(new FiscalYear(2025));

        Assert.Equal((1, 1, 21, 2), (figures.ParticipationPlans, figures.Matchings, figures.CommunityParticipants, figures.CommunitySessions));
        Assert.Equal((0, 0, 0), (lastYear.ParticipationPlans, lastYear.Matchings, lastYear.CommunityParticipants));
    }
}
