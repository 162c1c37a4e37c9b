using Juso.Domain.Common;

namespace Juso.Domain.Cases;

/// <summary>A category of the case's intake (owned by the case).</summary>
public class CaseConcern
{
    protected CaseConcern()
    {
        Category = string.Empty;
    }

    internal CaseConcern(string code) => Category = code;

    /// <summary>The <see cref="ConcernCategoryEntry.Code"/>: stable across renames, resolved for the case's 年度 by <see cref="ConcernCategoryCatalog"/>.</summary>
    public string Category { get; private set; }
}

/// <summary>An agency's part in a case.</summary>
public class CaseAgency : Entity
{
    protected CaseAgency()
    {
    }

    internal CaseAgency(int agencyId, CaseAgencyRole role, DateTimeOffset now)
    {
        AgencyId = agencyId;
        Role = role;
        Since = now.UtcDateTime;
    }

    public int SupportCaseId { get; private set; }

    public int AgencyId { get; private set; }

    public CaseAgencyRole Role { get; private set; }

    public DateTime Since { get; private set; }
}

/// <summary>One line of the case's timeline: what happened, when, by whom.</summary>
public class CaseEvent : Entity
{
    protected CaseEvent()
    {
        Description = string.Empty;
        ActorName = string.Empty;
    }

    internal CaseEvent(CaseEventKind kind, string description, Actor actor, DateTimeOffset now)
    {
        Kind = kind;
        Description = description;
        ActorName = actor.Name;
        At = now.UtcDateTime;
    }

    public int SupportCaseId { get; private set; }

    public DateTime At { get; private set; }

    public CaseEventKind Kind { get; private set; }

    public string Description { get; private set; }

    public string ActorName { get; private set; }
}
