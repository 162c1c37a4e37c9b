namespace Juso.Domain.Cases;

/// <summary>Where a case stands in 多機関協働: 受付 → アセスメント → プラン作成 → 支援中 → 終結.</summary>
public enum CaseStage
{
    Intake,
    Assessment,
    Planning,
    Support,
    Closed,
}

/// <summary>How the consultation reached the counter (相談経路).</summary>
public enum IntakeRoute
{
    Counter,
    Phone,
    Visit,
    AgencyReferral,
    Community,
    Outreach,

    /// <summary>Routed by the municipality's meeting that sorts 生活困窮 consultations (立川市's 困窮相談振分会議).</summary>
    TriageMeeting,
}

/// <summary>What part an agency plays in a case; any part gives its members access to the case.</summary>
public enum CaseAgencyRole
{
    Intake,
    Lead,
    Assigned,
}

public enum CaseEventKind
{
    Opened,
    ConsentRecorded,
    StageChanged,
    LeadAgencySet,
    AgencyInvolved,
    CoordinatorAssigned,
    IntakeRevised,
    PlanChanged,
}
