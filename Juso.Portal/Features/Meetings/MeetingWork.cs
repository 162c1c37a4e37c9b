using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// What a meeting change was: <paramref name="Label"/> is what every board shows (「最終変更」) and hub clients receive
/// (<c>BoardChanged.ChangeLabel</c>); <paramref name="Detail"/> (a name, a case number) stays in the audit row only.
/// </summary>
public sealed record ChangeNote(string Label, string? Detail = null)
{
    public string AuditText => Detail is null ? Label : $"{Label}: {Detail}";
}

/// <summary>What a change to a meeting works with: one context, the tracked meeting, the user and the time.</summary>
public sealed class MeetingChange(JusoDbContext db, Meeting meeting, UserContext user, DateTimeOffset now)
{
    public JusoDbContext Db { get; } = db;

    public Meeting Meeting { get; } = meeting;

    public UserContext User { get; } = user;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The case the change concerns, for the audit row.</summary>
    public int? CaseId { get; set; }

    /// <summary>The lead the change concerns, for the audit row.</summary>
    public int? LeadId { get; set; }

    /// <summary>Cases whose plan or record the change altered: other meetings showing them are told after the save.</summary>
    public HashSet<int> TouchedCases { get; } = [];

    public Func<int>? Created { get; set; }

    /// <summary>
    /// Set by a change to one part (a decision, an action item, a role assignment): that part's version, read after the save
    /// and returned in place of the meeting's, so the chair's undo is checked against exactly what this save left.
    /// </summary>
    public Func<int>? SavedVersion { get; set; }
}

/// <summary>
/// The one way meeting services change a meeting: load it, check the user may do this, apply the domain change,
/// save it with its audit row, then announce "meeting N changed" to every board. A lost race on the meeting
/// itself (two members adding decisions at once) is retried on fresh state; a lost race on something the user
/// edited (an assignment, a decision, an action item, guarded by its own version) is reported as a conflict.
/// </summary>
public sealed class MeetingWork(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time, MeetingBoardNotifier notifier,
    CaseChangeBroadcast caseChanged)
{
    private const int Attempts = 3;

    /// <param name="expectedMeetingVersion">The meeting version the user saw, for a change that depends on the whole
    /// meeting as shown (reordering the agenda): a newer meeting is a conflict, not a retry.</param>
    public async Task<SaveResult> ChangeAsync(int meetingId, AuditAction action, Func<UserContext, Meeting, bool> allowed, Func<MeetingChange, Task<ChangeNote>> change,
        int? expectedMeetingVersion = null)
    {
        var user = await currentUser.GetAsync();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var meeting = await LoadAsync(db, meetingId);
            if (meeting is null || !allowed(user, meeting))
            {
                if (meeting is not null)
                {
                    await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"会議 {meetingId}: {action.Label()}");
                }
                return SaveResult.NotFound();
            }
            if (expectedMeetingVersion is { } expected)
            {
                if (meeting.Version != expected)
                {
                    return SaveResult.Conflict();
                }
                db.Entry(meeting).Property(m => m.Version).OriginalValue = expected;
            }
            var retry = attempt < Attempts && expectedMeetingVersion is null;
            try
            {
                return await Saving.GuardAsync(async () =>
                {
                    var context = new MeetingChange(db, meeting, user, time.GetUtcNow());
                    var note = await change(context);
                    audit.Add(db, user, action, context.CaseId, detail: $"会議 {meetingId}: {note.AuditText}",
                        leadIds: context.LeadId is { } leadId ? [leadId] : null);
                    try
                    {
                        await db.SaveChangesAsync();
                    }
                    catch (DbUpdateConcurrencyException ex) when (retry && ex.Entries.All(e => e.Entity is Meeting))
                    {
                        throw new MeetingMovedException();
                    }
                    // Boards are told the label ("役割分担を変更"), never the detail: that stays in the audit row. The stamp is
                    // wall-clock for the receivers' latency, not business time, so the fake clock of tests does not touch it.
                    await notifier.PublishAsync(new BoardChange(meetingId, meeting.Version, note.Label,
                        TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()));
                    foreach (var caseId in context.TouchedCases)
                    {
                        await caseChanged.TellAsync(caseId, meetingId);
                    }
                    return SaveResult.Saved(context.Created?.Invoke() ?? meeting.Id, context.SavedVersion?.Invoke() ?? meeting.Version);
                });
            }
            catch (MeetingMovedException)
            {
                // Only the meeting's own version moved (someone else added something); the user's edit was not
                // stale, so it is applied again on fresh state.
            }
        }
    }

    private sealed class MeetingMovedException : Exception;

    public static Task<Meeting?> LoadAsync(JusoDbContext db, int meetingId) =>
        db.Meetings.AsSplitQuery().Include(m => m.Members).Include(m => m.Agenda).Include(m => m.Decisions).Include(m => m.ActionItems)
            .SingleOrDefaultAsync(m => m.Id == meetingId);
}
