using Juso.Portal.Features.Plans;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// Makes a newly loaded board snapshot reuse the parts of the one before that did not change (same items, lists,
/// plans), once per change on this instance. The board's parts (<see cref="BoardPart"/>) then find their parameters
/// unchanged by reference on every viewer's circuit, and only one copy of an unchanged part stays in memory.
/// </summary>
internal static class BoardSharing
{
    public static BoardSnapshot? Share(BoardSnapshot? before, BoardSnapshot? next)
    {
        if (before is null || next is null || before.MeetingId != next.MeetingId)
        {
            return next;
        }
        var previous = before.Items.ToDictionary(i => i.Id);
        var items = next.Items.Select(i => previous.TryGetValue(i.Id, out var old) ? Share(old, i) : i).ToList();
        return next with
        {
            Members = Same(before.Members, next.Members),
            Items = items.SequenceEqual(before.Items, ReferenceEqualityComparer.Instance) ? before.Items : items,
        };
    }

    private static BoardItem Share(BoardItem before, BoardItem next)
    {
        var shared = next with
        {
            Plan = Share(before.Plan, next.Plan),
            Decisions = Same(before.Decisions, next.Decisions),
            ActionItems = Same(before.ActionItems, next.ActionItems),
            AgreedAssignments = Same(before.AgreedAssignments, next.AgreedAssignments),
            Captured = Share(before.Captured, next.Captured),
            PreviousActionItems = Same(before.PreviousActionItems, next.PreviousActionItems),
        };
        // Records compare lists by reference, and the equal ones are the same lists now.
        return shared == before ? before : shared;
    }

    private static PlanView? Share(PlanView? before, PlanView? next)
    {
        if (before is null || next is null)
        {
            return next;
        }
        var shared = next with { Goals = Same(before.Goals, next.Goals), Assignments = Same(before.Assignments, next.Assignments) };
        return shared == before ? before : shared;
    }

    private static BoardCapture Share(BoardCapture before, BoardCapture next)
    {
        var shared = next with { Goals = Same(before.Goals, next.Goals), Assignments = Same(before.Assignments, next.Assignments) };
        return shared == before ? before : shared;
    }

    private static IReadOnlyList<T> Same<T>(IReadOnlyList<T> before, IReadOnlyList<T> next) => before.SequenceEqual(next) ? before : next;
}
