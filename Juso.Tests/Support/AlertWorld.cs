using System.Collections.Concurrent;
using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Notifications;
using Juso.Domain.Plans;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Juso.Tests.Support;

/// <summary>Records the mails the jobs put on the queue instead of handing them to Hangfire.</summary>
public sealed class RecordingMailQueue : IMailQueue
{
    public ConcurrentQueue<int> Enqueued { get; } = new();

    public void Enqueue(int notificationId) => Enqueued.Enqueue(notificationId);
}

/// <summary>
/// A municipality for the reminder jobs: a lead agency with a supervisor and a coordinator (both with mail
/// addresses), an administrator, and cases with active plans due on a given date. Time is the harness's fake clock.
/// </summary>
public sealed class AlertWorld : IAsyncDisposable
{
    public const string CoordinatorId = "u-coordinator";
    public const string SupervisorId = "u-supervisor";
    public const string AdministratorId = "u-admin";
    public const string PrincipalFamilyName = "山田";

    private static readonly Actor Actor = new(CoordinatorId, "中川 浩二");

    private AlertWorld(PortalHarness harness, RecordingMailQueue mail)
    {
        Harness = harness;
        Mail = mail;
    }

    public PortalHarness Harness { get; }

    public RecordingMailQueue Mail { get; }

    public Agency Lead { get; private set; } = default!;

    public Staff CoordinatorStaff { get; private set; } = default!;

    public DateOnly Today => JapanDate.Today(Harness.Time.GetUtcNow());

    public static async Task<AlertWorld> CreateAsync()
    {
        var mail = new RecordingMailQueue();
        var harness = await PortalHarness.CreateAsync(configure: services => services.Replace(ServiceDescriptor.Singleton<IMailQueue>(mail)));
        var world = new AlertWorld(harness, mail);
        world.Lead = await harness.AddAgencyAsync("ひばり野市 福祉総合相談課");
        world.CoordinatorStaff = await world.AddStaffAsync(world.Lead, "中川 浩二", "ナカガワ コウジ");
        await world.AddUserAsync(CoordinatorId, "中川 浩二", JusoRoles.Coordinator, world.CoordinatorStaff.Id);
        var supervisorStaff = await world.AddStaffAsync(world.Lead, "野口 健", "ノグチ ケン");
        await world.AddUserAsync(SupervisorId, "野口 健", JusoRoles.Supervisor, supervisorStaff.Id);
        await world.AddUserAsync(AdministratorId, "管理者", JusoRoles.Administrator, null);
        return world;
    }

    public T Get<T>()
        where T : notnull => Harness.Services.GetRequiredService<T>();

    public async Task<Staff> AddStaffAsync(Agency agency, string name, string kana)
    {
        await using var db = Harness.NewContext();
        var staff = Staff.Create(agency, name, kana, null, Harness.Time.GetUtcNow());
        db.Staff.Add(staff);
        await db.SaveChangesAsync();
        return staff;
    }

    public async Task AddUserAsync(string id, string name, string role, int? staffId, string? email = "")
    {
        await using var db = Harness.NewContext();
        db.Users.Add(new JusoUser
        {
            Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), DisplayName = name, StaffId = staffId,
            Email = email == "" ? $"{id}@hibarino.example" : email, CreatedAt = Harness.Time.GetUtcNow().UtcDateTime,
        });
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId });
        await db.SaveChangesAsync();
    }

    /// <summary>A case in support on an approved plan starting today whose first monitoring is due on <paramref name="due"/>.</summary>
    /// <param name="participation">The plan says 参加支援 is used.</param>
    public async Task<int> CaseWithActivePlanAsync(DateOnly due, bool withCoordinator = true, Agency? lead = null, bool participation = false)
    {
        await using var scope = Harness.As(TestUsers.Coordinator());
        var caseId = (await Harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid(family: PrincipalFamilyName))).Id;
        var now = Harness.Time.GetUtcNow();
        var today = JapanDate.Today(now);
        lead ??= Lead;
        await using var db = Harness.NewContext();
        var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        if (withCoordinator)
        {
            supportCase.AssignCoordinator(await db.Staff.SingleAsync(s => s.Id == CoordinatorStaff.Id), Actor, now);
        }
        supportCase.StartAssessment(Actor, now);
        var assessment = Assessment.Record(supportCase, 1, new AssessmentDetails("家賃を滞納している", null, null, null, null, null, null, null, [], []), [], [], Actor, now);
        db.Assessments.Add(assessment);
        supportCase.StartPlanning(assessment, Actor, now);
        var leadAgency = await db.Agencies.SingleAsync(a => a.Id == lead.Id);
        var plan = SupportPlan.Draft(supportCase, now);
        plan.ReviseDraft([new GoalDetails(GoalTerm.LongTerm, "生活の安定")], leadAgency, participation, false, 60, now);
        plan.AddAssignment(new AssignmentDetails(leadAgency.Id, "高木", "家計相談", "月2回", AssignmentStatus.InProgress, today, null), leadAgency, now);
        plan.Approve(today, null, now);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        supportCase.StartSupport(plan, today, due, Actor, now);
        await db.SaveChangesAsync();
        return caseId;
    }

    public async Task<string> CaseNumberAsync(int caseId)
    {
        await using var db = Harness.NewContext();
        return (await db.Cases.SingleAsync(c => c.Id == caseId)).Number;
    }

    public async Task CloseCaseAsync(int caseId)
    {
        await using var db = Harness.NewContext();
        var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        supportCase.Close("生活が安定した", "家計が安定し、見守りに移行した", "第6回重層的支援会議", await db.Agencies.SingleAsync(a => a.Id == Lead.Id), null, Actor, Harness.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public async Task<int> ScheduleMeetingAsync(DateTimeOffset at, int agendaCaseId, params string[] memberIds)
    {
        await using var db = Harness.NewContext();
        var now = Harness.Time.GetUtcNow();
        var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.Regular, at, "市役所 3階 会議室", new Actor("u-chair", "石田 美穂"), "石田 美穂", Lead.Id, now);
        foreach (var id in memberIds)
        {
            meeting.AddMember(id, id, null, now);
        }
        meeting.AddAgendaItem(await db.Cases.SingleAsync(c => c.Id == agendaCaseId), AgendaPurpose.Monitoring, 15, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    public async Task<List<Notification>> NotificationsAsync(NotificationKind? kind = null)
    {
        await using var db = Harness.NewContext();
        return await db.Notifications.AsNoTracking().Where(n => kind == null || n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
