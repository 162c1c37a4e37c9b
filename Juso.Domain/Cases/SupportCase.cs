using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Plans;
using Juso.Domain.Common;
using Juso.Domain.Households;

namespace Juso.Domain.Cases;

/// <summary>ケース: one household's coordination record, from intake to closure.</summary>
public partial class SupportCase : AggregateRoot
{
    public const int SummaryMaxLength = 2000;
    public const int ConsulterMaxLength = 50;
    public const int ReasonMaxLength = 500;
    public const int EvaluationMaxLength = 2000;

    public const string ClosureNeedsMeetingMessage =
        "会議で合意したプランのケースは、会議で終結を評価してから終結します。議題に載せ、結論「終結を評価」で議事録を承認してください。";
    public static readonly DateOnly EarliestIntakeDate = new(2000, 1, 1);

    private readonly List<CaseConcern> _concerns = [];
    private readonly List<CaseAgency> _agencies = [];
    private readonly List<ConsentRecord> _consents = [];
    private readonly List<CaseEvent> _events = [];

    protected SupportCase()
    {
        IntakeSummary = string.Empty;
    }

    public int FiscalYear { get; private set; }

    /// <summary>Running number within the fiscal year of the intake.</summary>
    public int Sequence { get; private set; }

    public string Number => FormatNumber(FiscalYear, Sequence);

    public int HouseholdId { get; private set; }

    public CaseStage Stage { get; private set; }

    public DateOnly IntakeDate { get; private set; }

    public IntakeRoute IntakeRoute { get; private set; }

    public int? ReferringAgencyId { get; private set; }

    public string IntakeSummary { get; private set; }

    /// <summary>相談者: who came or called, when not the principal.</summary>
    public string? ConsulterName { get; private set; }

    public int? LeadAgencyId { get; private set; }

    public int? CoordinatorStaffId { get; private set; }

    public ConsentStatus? CurrentConsent { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosureReason { get; private set; }

    /// <summary>支援の経過と成果の評価 at closure.</summary>
    public string? ClosureEvaluation { get; private set; }

    /// <summary>Which meeting evaluated the case at closure (e.g. 第4回重層的支援会議).</summary>
    public string? EvaluatedAt { get; private set; }

    /// <summary>Closed by handing the case back to the intake agency rather than by an evaluated closure.</summary>
    public bool IsHandedBack { get; private set; }

    public IReadOnlyList<CaseConcern> Concerns => _concerns;

    public IReadOnlyList<CaseAgency> Agencies => _agencies;

    public IReadOnlyList<ConsentRecord> Consents => _consents;

    public IReadOnlyList<CaseEvent> Events => _events;

    public bool IsClosed => Stage == CaseStage.Closed;

    public static string FormatNumber(int fiscalYear, int sequence) => $"{fiscalYear}-{sequence:D4}";

    /// <summary>
    /// A case number as a person types it: as shown (2026-0012), without the dash (20260012), in full-width digits
    /// or with spaces around it. False for anything else (a name, a year alone).
    /// </summary>
    public static bool TryParseNumber(string? text, out int fiscalYear, out int sequence)
    {
        fiscalYear = sequence = 0;
        string normalized;
        try
        {
            normalized = (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Text with a lone surrogate cannot be normalised, and is no number.
            return false;
        }
        var folded = string.Concat(normalized.Where(c => !char.IsWhiteSpace(c))).Replace('\u2212', '-').Replace('\u30fc', '-');
        var parts = folded.Split('-');
        var (year, rest) = parts.Length switch
        {
            2 => (parts[0], parts[1]),
            1 when folded.Length == 8 => (folded[..4], folded[4..]),
            _ => (string.Empty, string.Empty),
        };
        return year.Length == 4 && rest.Length is >= 1 and <= 6 && year.All(char.IsAsciiDigit) && rest.All(char.IsAsciiDigit)
            && int.TryParse(year, out fiscalYear) && int.TryParse(rest, out sequence) && sequence > 0;
    }

    /// <summary>
    /// Opens a case for a household from an intake. <paramref name="intakeAgency"/> is the agency whose
    /// counter took it (the signed-in member's agency), if any; the referring agency, if any, must be active.
    /// </summary>
    public static SupportCase Open(
        Household household,
        IntakeDetails intake,
        Agency? referringAgency,
        Agency? intakeAgency,
        ConsentDetails? consent,
        int sequence,
        Actor actor,
        DateTimeOffset now)
    {
        new RuleCheck().Add(CheckIntake(intake, referringAgency, consent, household.Members.Select(m => m.BirthDate).ToList(), JapanDate.Today(now)))
            .Require(sequence > 0, nameof(Sequence), "ケース番号の連番が正しくありません。")
            .Require(intakeAgency is null || intakeAgency.IsActive, nameof(Agencies), "休止中の機関では相談を受け付けられません。")
            .ThrowIfAny();

        var date = intake.Date!.Value;
        var supportCase = new SupportCase
        {
            HouseholdId = household.Id,
            FiscalYear = Common.FiscalYear.Of(date).StartYear,
            Sequence = sequence,
            Stage = CaseStage.Intake,
            IntakeDate = date,
            IntakeRoute = intake.Route!.Value,
            ReferringAgencyId = referringAgency?.Id,
            IntakeSummary = intake.Summary!.Trim(),
            ConsulterName = RuleCheck.Clean(intake.ConsulterName),
        };
        supportCase._concerns.AddRange(intake.Categories.Distinct().Order().Select(c => new CaseConcern(c)));
        foreach (var agencyId in new[] { intakeAgency?.Id, referringAgency?.Id }.OfType<int>().Distinct())
        {
            supportCase._agencies.Add(new CaseAgency(agencyId, CaseAgencyRole.Intake, now));
        }
        supportCase.MarkCreated(now);
        supportCase._events.Add(new CaseEvent(CaseEventKind.Opened,
            $"相談を受け付けました（{intake.Route.Value.Label()}、{string.Join("・", supportCase._concerns.Select(c => c.Category.Label()))}）。", actor, now));
        if (consent is not null)
        {
            supportCase.AppendConsent(consent, actor, now);
        }
        return supportCase;
    }

    /// <summary>
    /// Every broken rule of an intake, so a form can show them all at once. Member birth dates are given in
    /// the order of the household's members and must not be after the intake date.
    /// </summary>
    public static IReadOnlyList<DomainError> CheckIntake(IntakeDetails intake, Agency? referringAgency, ConsentDetails? consent, IReadOnlyList<DateOnly?> memberBirthDates, DateOnly today)
    {
        var check = ValidateIntake(intake, referringAgency, today);
        if (intake.Date is { } intakeDate)
        {
            for (var i = 0; i < memberBirthDates.Count; i++)
            {
                check.Require(memberBirthDates[i] is null || memberBirthDates[i] <= intakeDate,
                    Household.MemberField(i) + nameof(HouseholdMember.BirthDate), "生年月日が受付日より後になっています。");
            }
        }
        if (consent is not null)
        {
            check.Add(ValidateConsent(consent, null, intake.Date ?? today, today));
        }
        return check.Errors;
    }

    /// <summary>Adds an entry to the consent history. Withdrawal needs consent in force; nothing is ever overwritten.</summary>
    public void RecordConsent(ConsentDetails consent, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        var check = new RuleCheck().Add(ValidateConsent(consent, _consents.LastOrDefault(), IntakeDate, JapanDate.Today(now)));
        check.ThrowIfAny();
        AppendConsent(consent, actor, now);
    }

    /// <summary>Puts a change of one of the case's plans on the case's timeline.</summary>
    public void NotePlanChange(string description, Actor actor, DateTimeOffset now)
    {
        _events.Add(new CaseEvent(CaseEventKind.PlanChanged, description, actor, now));
        Touch(now);
    }

    /// <summary>Whether members of <paramref name="agencyId"/> may see this case: the agency has a part in it.</summary>
    public bool Involves(int agencyId) => _agencies.Any(a => a.AgencyId == agencyId);

    public void SetLeadAgency(Agency agency, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (!agency.IsActive)
        {
            throw new DomainException("休止中の機関は主担当にできません。", nameof(LeadAgencyId));
        }
        if (LeadAgencyId == agency.Id)
        {
            return;
        }
        // The former lead keeps its part (and so its access) as an assigned agency.
        foreach (var former in _agencies.Where(a => a.Role == CaseAgencyRole.Lead).ToList())
        {
            _agencies.Remove(former);
            if (!_agencies.Any(a => a.AgencyId == former.AgencyId))
            {
                _agencies.Add(new CaseAgency(former.AgencyId, CaseAgencyRole.Assigned, now));
            }
        }
        _agencies.Add(new CaseAgency(agency.Id, CaseAgencyRole.Lead, now));
        LeadAgencyId = agency.Id;
        _events.Add(new CaseEvent(CaseEventKind.LeadAgencySet, $"主担当機関を「{agency.Name}」にしました。", actor, now));
        Touch(now);
    }

    /// <summary>Gives an agency a part in the case (e.g. a role assignment), and so access to it.</summary>
    public void InvolveAgency(Agency agency, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (!agency.IsActive)
        {
            throw new DomainException("休止中の機関は追加できません。", nameof(Agencies));
        }
        if (Involves(agency.Id))
        {
            return;
        }
        _agencies.Add(new CaseAgency(agency.Id, CaseAgencyRole.Assigned, now));
        _events.Add(new CaseEvent(CaseEventKind.AgencyInvolved, $"「{agency.Name}」が関わる機関に加わりました。", actor, now));
        Touch(now);
    }

    public void AssignCoordinator(Staff staff, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (!staff.IsActive)
        {
            throw new DomainException("退職・休止中の職員は担当にできません。", nameof(CoordinatorStaffId));
        }
        CoordinatorStaffId = staff.Id;
        _events.Add(new CaseEvent(CaseEventKind.CoordinatorAssigned, $"担当者を{staff.Name}にしました。", actor, now));
        Touch(now);
    }

    /// <summary>受付 → アセスメント: coordination starts.</summary>
    public void StartAssessment(Actor actor, DateTimeOffset now) =>
        ChangeStage(CaseStage.Intake, CaseStage.Assessment, null, actor, now);

    /// <summary>アセスメント → プラン作成: only once the household has been assessed.</summary>
    public void StartPlanning(Assessment? latestAssessment, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Assessment, CaseStage.Planning);
        if (latestAssessment is null || latestAssessment.SupportCaseId != Id)
        {
            throw new DomainException("アセスメントを記録してからプラン作成に進んでください。", nameof(Stage));
        }
        ChangeStage(CaseStage.Assessment, CaseStage.Planning, $"アセスメント第{latestAssessment.AssessmentVersion}版にもとづいて", actor, now);
    }

    /// <summary>プラン作成 → 支援中: the plan agreed at the meeting starts on <paramref name="startOn"/>.</summary>
    public void StartSupport(SupportPlan plan, DateOnly startOn, DateOnly? firstMonitoringDue, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Planning, CaseStage.Support);
        if (plan.SupportCaseId != Id || plan.Status != PlanStatus.Approved)
        {
            throw new DomainException("会議で承認されたプランがないため、支援を開始できません。", nameof(Stage));
        }
        plan.Start(startOn, firstMonitoringDue, now);
        ChangeStage(CaseStage.Planning, CaseStage.Support, $"{plan.Kind.Label()}第{plan.PlanVersion}版で", actor, now);
    }

    /// <summary>支援中 → プラン作成 (再プラン): a new plan version is drafted; the current one is kept, evaluated.</summary>
    public SupportPlan Replan(SupportPlan current, string? evaluation, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Support, CaseStage.Planning);
        var next = current.Replan(this, evaluation, now);
        ChangeStage(CaseStage.Support, CaseStage.Planning, $"再プラン（第{next.PlanVersion}版を作成）のため", actor, now);
        return next;
    }

    /// <summary>
    /// 終結: the issues are sorted and the roles agreed. Needs the reason, the evaluation (by a 重層的支援会議 for a
    /// case with consent) and the lead agency that carries on accompanying the household. A plan approved at a meeting
    /// needs <paramref name="evaluatedAt"/>, the meeting that evaluated the closure (R5). The current plan
    /// (<paramref name="currentPlan"/>, if any) is closed as 評価済 with the same evaluation.
    /// </summary>
    public void Close(string? reason, string? evaluation, string? evaluatedAt, Agency? carryingOn, SupportPlan? currentPlan, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Support, CaseStage.Closed);
        if (currentPlan is not null && currentPlan.SupportCaseId != Id)
        {
            throw new DomainException("別のケースのプランです。");
        }
        new RuleCheck()
            .RequireText(reason, nameof(ClosureReason), "終結の理由", ReasonMaxLength)
            .RequireText(evaluation, nameof(ClosureEvaluation), "支援の経過と成果の評価", EvaluationMaxLength)
            .OptionalText(evaluatedAt, nameof(EvaluatedAt), "評価した会議", ReasonMaxLength)
            // R5: the meeting that agreed the plan decides the closure too.
            .Require(currentPlan?.ApprovedOn is null || RuleCheck.Clean(evaluatedAt) is not null, nameof(EvaluatedAt), ClosureNeedsMeetingMessage)
            .Require(carryingOn is not null, nameof(LeadAgencyId), "終結後も伴走する主担当機関を選択してください。")
            .Require(carryingOn is null || carryingOn.IsActive, nameof(LeadAgencyId), "休止中の機関は主担当にできません。")
            .ThrowIfAny();
        if (currentPlan is { Status: PlanStatus.Active or PlanStatus.Approved })
        {
            currentPlan.Evaluate(Truncate(evaluation!.Trim(), SupportPlan.NoteMaxLength), now);
        }
        SetLeadAgency(carryingOn!, actor, now);
        ClosureEvaluation = evaluation!.Trim();
        EvaluatedAt = RuleCheck.Clean(evaluatedAt);
        EndCoordination(reason!.Trim(), actor, now);
    }

    /// <summary>
    /// 包括的相談支援へ戻す: coordination ends and the agency that took the consultation leads again; the case's
    /// current plan (<paramref name="currentPlan"/>, if any) ends with it, so nothing is due for it any more.
    /// </summary>
    public void HandBack(string? reason, Agency intakeAgency, SupportPlan? currentPlan, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .RequireText(reason, nameof(ClosureReason), "戻す理由", ReasonMaxLength)
            .Require(_agencies.Any(a => a.AgencyId == intakeAgency.Id && a.Role == CaseAgencyRole.Intake), nameof(LeadAgencyId),
                "相談を受け付けた（つないだ）機関にだけ戻せます。")
            .Require(intakeAgency.IsActive, nameof(LeadAgencyId), "休止中の機関には戻せません。")
            .ThrowIfAny();
        if (currentPlan is not null && currentPlan.SupportCaseId != Id)
        {
            throw new DomainException("別のケースのプランです。");
        }
        SetLeadAgency(intakeAgency, actor, now);
        currentPlan?.EndForHandBack(now);
        IsHandedBack = true;
        EndCoordination($"包括的相談支援へ戻す: {reason!.Trim()}", actor, now);
    }

    /// <summary>The agency that took or referred the consultation, to hand the case back to.</summary>
    public int? IntakeAgencyId => ReferringAgencyId ?? _agencies.FirstOrDefault(a => a.Role == CaseAgencyRole.Intake)?.AgencyId;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private void EndCoordination(string reason, Actor actor, DateTimeOffset now)
    {
        var from = Stage;
        Stage = CaseStage.Closed;
        ClosedOn = JapanDate.Today(now);
        ClosureReason = reason;
        _events.Add(new CaseEvent(CaseEventKind.StageChanged, $"段階を「{from.Label()}」から「{CaseStage.Closed.Label()}」に変更しました。理由: {reason}", actor, now));
        Touch(now);
    }

    private void EnsureStage(CaseStage from, CaseStage to)
    {
        EnsureOpen();
        if (Stage != from)
        {
            throw new DomainException($"「{Stage.Label()}」から「{to.Label()}」へは進められません（「{from.Label()}」の段階からのみ進めます）。", nameof(Stage));
        }
    }

    private void ChangeStage(CaseStage from, CaseStage to, string? why, Actor actor, DateTimeOffset now)
    {
        EnsureStage(from, to);
        Stage = to;
        _events.Add(new CaseEvent(CaseEventKind.StageChanged,
            $"{(why is null ? string.Empty : why + "、")}段階を「{from.Label()}」から「{to.Label()}」に変更しました。", actor, now));
        Touch(now);
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainException("終結したケースは変更できません。");
        }
    }

    private void AppendConsent(ConsentDetails consent, Actor actor, DateTimeOffset now)
    {
        // "Not obtained" has no method: nothing was given.
        var method = consent.Status == ConsentStatus.NotObtained ? null : consent.Method;
        var record = new ConsentRecord(consent.Status, consent.Date!.Value, method, RuleCheck.Clean(consent.Note), actor, now);
        _consents.Add(record);
        CurrentConsent = consent.Status;
        var how = method is { } given ? $"（{given.Label()}）" : string.Empty;
        _events.Add(new CaseEvent(CaseEventKind.ConsentRecorded, $"本人同意を「{consent.Status.Label()}」と記録しました{how}。", actor, now));
        Touch(now);
    }

    private static RuleCheck ValidateIntake(IntakeDetails intake, Agency? referringAgency, DateOnly today)
    {
        var check = new RuleCheck()
            .Require(intake.Date is not null, nameof(IntakeDate), "受付日を入力してください。")
            .Require(intake.Date is null || intake.Date <= today, nameof(IntakeDate), "受付日に未来の日付は入力できません。")
            .Require(intake.Date is null || intake.Date >= EarliestIntakeDate, nameof(IntakeDate), "受付日は2000年以降の日付を入力してください。")
            .Require(intake.Route is not null, nameof(IntakeRoute), "相談経路を選択してください。")
            .Require(intake.Route is null || Enum.IsDefined(intake.Route.Value), nameof(IntakeRoute), "相談経路の値が正しくありません。")
            .Require(intake.Route != Cases.IntakeRoute.AgencyReferral || referringAgency is not null, nameof(ReferringAgencyId),
                "関係機関からのつなぎの場合は、つなぎ元の機関を選択してください。")
            .Require(referringAgency is null || referringAgency.IsActive, nameof(ReferringAgencyId), "休止中の機関はつなぎ元に指定できません。")
            .Require(intake.ReferringAgencyId == referringAgency?.Id, nameof(ReferringAgencyId), "つなぎ元の機関が見つかりません。選び直してください。")
            .Require(intake.Categories.Count > 0, nameof(Concerns), "相談分類を1つ以上選択してください。")
            .Require(intake.Categories.All(Enum.IsDefined), nameof(Concerns), "相談分類に不明な値が含まれています。")
            .RequireText(intake.Summary, nameof(IntakeSummary), "相談内容", SummaryMaxLength)
            .OptionalText(intake.ConsulterName, nameof(ConsulterName), "相談者", ConsulterMaxLength);
        return check;
    }

    private static IReadOnlyList<DomainError> ValidateConsent(ConsentDetails consent, ConsentRecord? last, DateOnly earliest, DateOnly today)
    {
        var check = new RuleCheck()
            .Require(Enum.IsDefined(consent.Status), "Consent.Status", "同意の状態を選択してください。")
            .Require(consent.Date is not null, "Consent.Date", "同意の記録日を入力してください。")
            .Require(consent.Date is null || consent.Date <= today, "Consent.Date", "同意の記録日に未来の日付は入力できません。")
            .Require(consent.Date is null || consent.Date >= earliest, "Consent.Date", "同意の記録日は受付日以降の日付を入力してください。")
            .Require(consent.Date is null || last is null || consent.Date >= last.Date, "Consent.Date", "同意の記録日は前回の記録日以降の日付を入力してください。")
            .Require(consent.Status == ConsentStatus.NotObtained || consent.Method is not null, "Consent.Method", "同意の方法（書面・口頭など）を選択してください。")
            .Require(consent.Method is null || Enum.IsDefined(consent.Method.Value), "Consent.Method", "同意の方法の値が正しくありません。")
            .OptionalText(consent.Note, "Consent.Note", "同意の備考", ConsentRecord.NoteMaxLength);
        var current = last?.Status;
        check.Require(!(consent.Status == ConsentStatus.Obtained && current == ConsentStatus.Obtained), "Consent.Status", "既に同意を得ています。")
            .Require(consent.Status != ConsentStatus.Withdrawn || current == ConsentStatus.Obtained, "Consent.Status", "同意を得ていないため、撤回は記録できません。")
            .Require(!(consent.Status == ConsentStatus.NotObtained && current == ConsentStatus.Obtained), "Consent.Status",
                "同意を得ている場合は「同意撤回」として記録してください。");
        return check.Errors;
    }
}
