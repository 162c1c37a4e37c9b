using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Contacts;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

public sealed record AssessmentView(int Id, int Version, DateTime RecordedAt, string RecordedBy, AssessmentDetails Details, IReadOnlyList<(string Member, string Issue)> Issues, IReadOnlyList<(string Source, DateOnly? On, string Content)> Sources);

public sealed record ContactView(int Id, ContactKind Kind, DateTime OccurredAt, string? WithWhom, string Content, string RecordedBy, bool IsFollowUp, DateOnly? NextFollowUpOn);

/// <summary>The coordinator's daily work on a case: stages, assessment, contact records, closure.</summary>
public sealed class CoordinationService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, CaseWork work)
{
    public Task<SaveResult> StartAssessmentAsync(int caseId, int expectedVersion) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.StageChanged, CaseWork.AnyEditor, c =>
        {
            c.Case.StartAssessment(c.User.Actor, c.Now);
            return Task.FromResult("アセスメント開始");
        });

    public Task<SaveResult> StartPlanningAsync(int caseId, int expectedVersion) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.StageChanged, CaseWork.AnyEditor, async c =>
        {
            var latest = await c.Db.Assessments.Where(a => a.SupportCaseId == caseId).OrderByDescending(a => a.AssessmentVersion).FirstOrDefaultAsync();
            c.Case.StartPlanning(latest, c.User.Actor, c.Now);
            return "プラン作成へ";
        });

    /// <summary>Records a new version of the household's assessment (earlier versions stay as they were).</summary>
    /// <param name="startedFrom">The latest version the user's form started from (0 when there was none): a version recorded
    /// by someone since is a conflict, so theirs is never superseded unseen. Null for a caller without a form.</param>
    public Task<SaveResult> RecordAssessmentAsync(int caseId, AssessmentDetails details, int? startedFrom = null) =>
        work.ChangeAsync(caseId, null, AuditAction.AssessmentRecorded, CaseWork.AnyEditor, async c =>
        {
            var memberIds = await c.Db.HouseholdMembers.Where(m => m.HouseholdId == c.Case.HouseholdId).Select(m => m.Id).ToListAsync();
            var agencyIds = await c.Db.Agencies.Select(a => a.Id).ToListAsync();
            var latest = await c.Db.Assessments.Where(a => a.SupportCaseId == caseId).MaxAsync(a => (int?)a.AssessmentVersion) ?? 0;
            if (startedFrom is { } seen && seen != latest)
            {
                throw new StaleVersionException();
            }
            var version = latest + 1;
            var assessment = Assessment.Record(c.Case, version, details, memberIds, agencyIds, c.User.Actor, c.Now);
            c.Db.Assessments.Add(assessment);
            c.Case.NotePlanChange($"アセスメント第{version}版を記録しました。", c.User.Actor, c.Now);
            c.Created = () => assessment.Id;
            return $"アセスメント第{version}版";
        });

    public Task<SaveResult> RecordContactAsync(int caseId, ContactDetails details) =>
        work.ChangeAsync(caseId, null, AuditAction.ContactRecorded, CaseWork.AnyEditor, async c =>
        {
            var record = ContactRecord.Record(c.Case, details, c.User.Actor, c.Now);
            c.Db.ContactRecords.Add(record);
            c.Created = () => record.Id;
            return $"{(record.IsFollowUp ? "終結後フォロー" : "支援経過")}: {record.Kind.Label()}";
        });

    /// <summary>
    /// 終結 from the case page, with evaluation; the current plan is closed as 評価済 with the same evaluation. A plan agreed
    /// at a meeting needs a meeting whose approved minutes evaluated the closure (<see cref="EvaluatingMeetingsAsync"/>).
    /// </summary>
    public Task<SaveResult> CloseAsync(int caseId, int expectedVersion, string? reason, string? evaluation, int? evaluatedByMeetingId, int? carryingOnAgencyId) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseClosed, CaseWork.AnyEditor, async c =>
        {
            Agency? carryingOn = carryingOnAgencyId is { } id ? await CaseService.FindAgencyAsync(c.Db, id) : null;
            var current = await CurrentPlanAsync(c.Db, caseId);
            var evaluatedBy = evaluatedByMeetingId is { } meetingId
                ? (await EvaluatingMeetings(c.Db, caseId).ToListAsync()).FirstOrDefault(m => m.Id == meetingId)
                  ?? throw new DomainException("選択された会議は、このケースの終結を評価していません。", nameof(Domain.Cases.SupportCase.EvaluatedAt))
                : null;
            c.Case.Close(reason, evaluation, evaluatedBy?.Reference, carryingOn, current, c.User.Actor, c.Now);
            return "終結";
        });

    public Task<SaveResult> HandBackAsync(int caseId, int expectedVersion, string? reason) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseClosed, CaseWork.AnyEditor, async c =>
        {
            var intakeAgency = c.Case.IntakeAgencyId is { } id ? await CaseService.FindAgencyAsync(c.Db, id)
                : throw new DomainException("受付・つなぎ元の機関が記録されていないため、戻せません。");
            c.Case.HandBack(reason, intakeAgency, await CurrentPlanAsync(c.Db, caseId), c.User.Actor, c.Now);
            return $"包括的相談支援へ戻す（{intakeAgency.Name}）";
        });

    public async Task<IReadOnlyList<AssessmentView>> AssessmentsAsync(int caseId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!await ReadableAsync(db, caseId))
        {
            return [];
        }
        var assessments = await db.Assessments.AsNoTracking().AsSplitQuery().Include(a => a.MemberIssues).Include(a => a.Sources)
            .Where(a => a.SupportCaseId == caseId).OrderByDescending(a => a.AssessmentVersion).ToListAsync();
        var members = await db.HouseholdMembers.AsNoTracking()
            .Where(m => db.Cases.Any(c => c.Id == caseId && c.HouseholdId == m.HouseholdId)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        var agencies = await CaseService.AgencyNamesAsync(db);
        return assessments.Select(a => new AssessmentView(a.Id, a.AssessmentVersion, a.CreatedAt, a.RecordedByName,
            new AssessmentDetails(a.Situation, a.Health, a.Finances, a.Housing, a.FamilyRelations, a.CommunityTies, a.Strengths, a.Wishes, [], []),
            a.MemberIssues.Select(i => (members.GetValueOrDefault(i.MemberId, "（世帯を離れた世帯員）"), i.Issue)).ToList(),
            a.Sources.Select(s => (s.AgencyId is { } id ? agencies.GetValueOrDefault(id, "（不明な機関）") : s.SourceName ?? string.Empty, s.ReceivedOn, s.Content)).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<ContactView>> ContactsAsync(int caseId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!await ReadableAsync(db, caseId))
        {
            return [];
        }
        return await db.ContactRecords.AsNoTracking().Where(r => r.SupportCaseId == caseId).OrderByDescending(r => r.OccurredAt)
            .Select(r => new ContactView(r.Id, r.Kind, r.OccurredAt, r.WithWhom, r.Content, r.RecordedByName, r.IsFollowUp, r.NextFollowUpOn)).ToListAsync();
    }

    /// <summary>Meetings whose approved minutes evaluated the closure of the case, for the closure form.</summary>
    public async Task<IReadOnlyList<EvaluatingMeeting>> EvaluatingMeetingsAsync(int caseId)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!await ReadableAsync(db, caseId))
        {
            return [];
        }
        return (await EvaluatingMeetings(db, caseId).AsNoTracking().ToListAsync()).Select(m => new EvaluatingMeeting(m.Id, m.Reference)).ToList();
    }

    private static IQueryable<Meeting> EvaluatingMeetings(JusoDbContext db, int caseId) =>
        db.Meetings.Where(m => m.MinutesApprovedAt != null && m.Agenda.Any(a => a.SupportCaseId == caseId && a.Outcome == AgendaOutcome.ClosureEvaluated))
            .OrderByDescending(m => m.ScheduledAt);

    internal static Task<SupportPlan?> CurrentPlanAsync(JusoDbContext db, int caseId) =>
        db.Plans.Include(p => p.Goals).Include(p => p.Assignments).AsSplitQuery()
            .Where(p => p.SupportCaseId == caseId).OrderByDescending(p => p.PlanVersion).FirstOrDefaultAsync();

    /// <summary>Reads that belong to the case page, whose own load was audited; a refusal is audited here.</summary>
    private async Task<bool> ReadableAsync(JusoDbContext db, int caseId)
    {
        var user = await currentUser.GetAsync();
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Agencies).SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is not null && CaseAccess.CanRead(await CaseAccess.ViewerAsync(db, user), supportCase))
        {
            return true;
        }
        if (supportCase is not null)
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, caseId, detail: "ケースの記録の閲覧");
        }
        return false;
    }
}

public sealed record EvaluatingMeeting(int Id, string Reference);
