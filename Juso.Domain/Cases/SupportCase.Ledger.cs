using Juso.Domain.Common;
using Juso.Domain.Households;

namespace Juso.Domain.Cases;

public partial class SupportCase
{
    /// <summary>
    /// A case as a ledger (台帳) recorded it, with its past dates: 受付 on the intake date, 支援中 when plans were made,
    /// 終結 (or 包括的相談支援へ戻す) on the closure date. The row was checked by the import (dates not in the future, in
    /// order); the agencies must exist.
    /// </summary>
    public static SupportCase FromLedger(Household household, LedgerCase ledger, int sequence, Actor actor, DateTimeOffset now)
    {
        var supportCase = new SupportCase
        {
            HouseholdId = household.Id,
            FiscalYear = Common.FiscalYear.Of(ledger.IntakeDate).StartYear,
            Sequence = sequence,
            IntakeSummary = string.Empty,
        };
        supportCase.MarkCreated(now);
        supportCase._events.Add(new CaseEvent(CaseEventKind.Opened, $"台帳から取り込みました（{ledger.Source}）。", actor, now));
        supportCase.ApplyLedger(ledger, actor, now);
        return supportCase;
    }

    /// <summary>A newer version of the ledger changed the row: the case takes its values (the case number stays).</summary>
    public void ReviseFromLedger(LedgerCase ledger, Actor actor, DateTimeOffset now)
    {
        _events.Add(new CaseEvent(CaseEventKind.IntakeRevised, $"台帳の再取り込みで更新しました（{ledger.Source}）。", actor, now));
        ApplyLedger(ledger, actor, now);
    }

    private void ApplyLedger(LedgerCase ledger, Actor actor, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(ledger.Categories.Count > 0, nameof(Concerns), "相談分類を1つ以上選択してください。")
            .Require(ledger.ClosedOn is null || ledger.ClosedOn >= ledger.IntakeDate, nameof(ClosedOn), "終結日が受付日より前になっています。")
            .Require(ledger.IntakeDate <= JapanDate.Today(now) && ledger.IntakeDate >= EarliestIntakeDate, nameof(IntakeDate), "受付日が正しくありません。")
            .Require(ledger.Route != Cases.IntakeRoute.AgencyReferral || ledger.ReferringAgencyId is not null, nameof(ReferringAgencyId),
                "関係機関からのつなぎの場合は、つなぎ元の機関を選択してください。")
            .ThrowIfAny();
        IntakeDate = ledger.IntakeDate;
        IntakeRoute = ledger.Route;
        ReferringAgencyId = ledger.ReferringAgencyId;
        IntakeSummary = ledger.Summary.Length <= SummaryMaxLength ? ledger.Summary : ledger.Summary[..SummaryMaxLength];
        _concerns.Clear();
        _concerns.AddRange(ledger.Categories.Distinct().Order(StringComparer.Ordinal).Select(c => new CaseConcern(c)));
        if (ledger.ReferringAgencyId is { } referring && !_agencies.Any(a => a.AgencyId == referring && a.Role == CaseAgencyRole.Intake))
        {
            _agencies.Add(new CaseAgency(referring, CaseAgencyRole.Intake, now));
        }
        if (ledger.LeadAgencyId is { } lead && LeadAgencyId != lead)
        {
            _agencies.RemoveAll(a => a.Role == CaseAgencyRole.Lead);
            _agencies.Add(new CaseAgency(lead, CaseAgencyRole.Lead, now));
            LeadAgencyId = lead;
        }
        if (ledger.Consent is { } consent && consent != CurrentConsent)
        {
            // Withdrawal needs consent in force before it: the ledger only says it was withdrawn, so it was given at intake.
            if (consent == ConsentStatus.Withdrawn && CurrentConsent != ConsentStatus.Obtained)
            {
                AppendConsent(new ConsentDetails(ConsentStatus.Obtained, ledger.IntakeDate, ConsentMethod.Other, "台帳から取り込み"), actor, now);
            }
            AppendConsent(new ConsentDetails(consent, ledger.ConsentDate, consent == ConsentStatus.NotObtained ? null : ConsentMethod.Other, "台帳から取り込み"), actor, now);
        }
        ClosedOn = ledger.ClosedOn;
        IsHandedBack = ledger.ClosedOn is not null && ledger.HandedBack;
        ClosureReason = ledger.ClosedOn is null ? null : ledger.HandedBack ? "包括的相談支援へ戻す: 台帳から取り込み" : "台帳から取り込み";
        // A case worked on in Juso since the last import keeps its stage unless the ledger closes it.
        var open = ledger.HasPlan ? CaseStage.Support : CaseStage.Intake;
        Stage = ledger.ClosedOn is not null ? CaseStage.Closed : Stage == CaseStage.Closed || Stage < open ? open : Stage;
        Touch(now);
    }
}
