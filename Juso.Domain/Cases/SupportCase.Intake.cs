using Juso.Domain.Agencies;
using Juso.Domain.Common;
using Juso.Domain.Households;

namespace Juso.Domain.Cases;

/// <summary>Opening a case from an intake (相談受付) and the consent history.</summary>
public partial class SupportCase
{
    /// <summary>
    /// Opens a case for a household from an intake. <paramref name="intakeAgency"/> is the agency whose
    /// counter took it (the signed-in member's agency), if any; the referring agency, if any, must be active.
    /// The categories must be valid in the 年度 of the intake date (<paramref name="categories"/>).
    /// </summary>
    public static SupportCase Open(
        Household household,
        IntakeDetails intake,
        ConcernCategoryCatalog categories,
        Agency? referringAgency,
        Agency? intakeAgency,
        ConsentDetails? consent,
        int sequence,
        Actor actor,
        DateTimeOffset now)
    {
        new RuleCheck().Add(CheckIntake(intake, categories, referringAgency, consent, household.Members.Select(m => m.BirthDate).ToList(), JapanDate.Today(now)))
            .Require(sequence > 0, nameof(Sequence), "ケース番号の連番が正しくありません。")
            .Require(intakeAgency is null || intakeAgency.IsActive, nameof(Agencies), "休止中の機関では相談を受け付けられません。")
            .ThrowIfAny();

        var date = intake.Date!.Value;
        var year = Common.FiscalYear.Of(date);
        var supportCase = new SupportCase
        {
            HouseholdId = household.Id,
            FiscalYear = year.StartYear,
            Sequence = sequence,
            Stage = CaseStage.Intake,
            IntakeDate = date,
            IntakeRoute = intake.Route!.Value,
            ReferringAgencyId = referringAgency?.Id,
            IntakeSummary = intake.Summary!.Trim(),
            ConsulterName = RuleCheck.Clean(intake.ConsulterName),
        };
        // Stored in the master's order of that 年度, so every list shows them the same way.
        supportCase._concerns.AddRange(categories.ListFor(year).Where(e => intake.Categories.Contains(e.Code)).Select(e => new CaseConcern(e.Code)));
        foreach (var agencyId in new[] { intakeAgency?.Id, referringAgency?.Id }.OfType<int>().Distinct())
        {
            supportCase._agencies.Add(new CaseAgency(agencyId, CaseAgencyRole.Intake, now));
        }
        supportCase.MarkCreated(now);
        supportCase._events.Add(new CaseEvent(CaseEventKind.Opened,
            $"相談を受け付けました（{intake.Route.Value.Label()}、{string.Join("・", categories.NamesOf(supportCase._concerns.Select(c => c.Category), year))}）。", actor, now));
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
    public static IReadOnlyList<DomainError> CheckIntake(IntakeDetails intake, ConcernCategoryCatalog categories, Agency? referringAgency, ConsentDetails? consent,
        IReadOnlyList<DateOnly?> memberBirthDates, DateOnly today)
    {
        var check = ValidateIntake(intake, referringAgency, today);
        if (intake.Date is { } date && date >= EarliestIntakeDate)
        {
            CheckCategories(check, intake.Categories, categories, Common.FiscalYear.Of(date));
        }
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

    /// <summary>
    /// Changes the case's 相談分類 (a need found after the intake, or one chosen by mistake). Only categories valid in the
    /// case's 年度 can be chosen, so a category retired since stays choosable on the old cases that had it.
    /// </summary>
    public void ReviseConcerns(IReadOnlyCollection<string> codes, ConcernCategoryCatalog categories, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        var year = new FiscalYear(FiscalYear);
        var check = new RuleCheck().Require(codes.Count > 0, nameof(Concerns), "相談分類を1つ以上選択してください。");
        CheckCategories(check, codes, categories, year);
        check.ThrowIfAny();
        var before = _concerns.Select(c => c.Category).ToList();
        if (before.ToHashSet().SetEquals(codes))
        {
            return;
        }
        // Only the rows that change: an unchanged category keeps its row.
        _concerns.RemoveAll(c => !codes.Contains(c.Category));
        _concerns.AddRange(codes.Distinct().Where(c => !before.Contains(c)).Select(c => new CaseConcern(c)));
        _events.Add(new CaseEvent(CaseEventKind.IntakeRevised,
            $"相談分類を「{string.Join("・", categories.NamesOf(before, year))}」から「{string.Join("・", categories.NamesOf(codes, year))}」に変更しました。", actor, now));
        Touch(now);
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
            .RequireText(intake.Summary, nameof(IntakeSummary), "相談内容", SummaryMaxLength)
            .OptionalText(intake.ConsulterName, nameof(ConsulterName), "相談者", ConsulterMaxLength);
        return check;
    }

    private static void CheckCategories(RuleCheck check, IReadOnlyCollection<string> codes, ConcernCategoryCatalog categories, FiscalYear year)
    {
        var invalid = codes.Where(c => !categories.IsValid(c, year)).Distinct().ToList();
        check.Require(invalid.Count == 0, nameof(Concerns),
            $"相談分類「{string.Join("・", invalid.Select(c => categories.NameOf(c, year)))}」は{JapaneseFormat.FiscalYear(year)}には使えません。選び直してください。");
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
