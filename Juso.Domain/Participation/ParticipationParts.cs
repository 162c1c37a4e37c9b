using Juso.Domain.Common;

namespace Juso.Domain.Participation;

/// <summary>A resource considered for the person, in the order of preference.</summary>
public class ParticipationCandidate : Entity
{
    protected ParticipationCandidate()
    {
    }

    internal ParticipationCandidate(int socialResourceId, int order)
    {
        SocialResourceId = socialResourceId;
        Order = order;
    }

    public int ParticipationPlanId { get; private set; }

    public int SocialResourceId { get; private set; }

    public int Order { get; private set; }
}

/// <summary>One follow-up visit, kept as recorded.</summary>
public class ParticipationFollowUp : Entity
{
    protected ParticipationFollowUp()
    {
        Note = string.Empty;
        RecordedByName = string.Empty;
    }

    internal ParticipationFollowUp(DateOnly visitedOn, FollowUpTarget target, string note, string recordedByName, DateOnly? dueOn)
    {
        VisitedOn = visitedOn;
        Target = target;
        Note = note;
        RecordedByName = recordedByName;
        DueOn = dueOn;
    }

    public int ParticipationPlanId { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    public FollowUpTarget Target { get; private set; }

    public string Note { get; private set; }

    public string RecordedByName { get; private set; }

    /// <summary>The due date this visit answered.</summary>
    public DateOnly? DueOn { get; private set; }
}
