using System.Security.Cryptography;
using System.Text;
using Juso.Domain.Cases;
using Juso.Domain.Households;
using Juso.Domain.Plans;

namespace Juso.Domain.Ledger;

/// <summary>One row of a ledger, read and checked: everything Juso keeps of it.</summary>
public sealed record LedgerRecord(
    int Row,
    string Number,
    DateOnly IntakeDate,
    MemberDetails Member,
    string? Address,
    string? HouseholdNumber,
    IReadOnlyList<string> Categories,
    IntakeRoute Route,
    int? ReferringAgencyId,
    int? LeadAgencyId,
    ConsentStatus? Consent,
    DateOnly? ConsentDate,
    IReadOnlyList<DateOnly> PlanApprovals,
    PlanKind? PlanKind,
    DateOnly? ClosedOn,
    bool HandedBack,
    string? Note)
{
    /// <summary>
    /// A digest of the row's values (not of its position), stored with the imported case: a re-import skips a row whose
    /// digest is unchanged.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = string.Join('\u001f', Number, IntakeDate, Member.FamilyName, Member.GivenName, Member.FamilyNameKana, Member.GivenNameKana,
                Member.BirthDate, Member.Relationship, Address, HouseholdNumber, string.Join(',', Categories), Route, ReferringAgencyId, LeadAgencyId,
                Consent, ConsentDate, string.Join(',', PlanApprovals), PlanKind, ClosedOn, HandedBack, Note)
                // Only a recorded 性別 joins the digest, so rows imported before it was kept are not all "changed" on the next import.
                + (Member.Sex is { } sex ? $"\u001f{sex}" : string.Empty);
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }

    /// <summary>The kind of the plans: as the ledger says, else by consent (支援プラン only with it).</summary>
    public PlanKind PlanKindOrDefault => PlanKind ?? (Consent == ConsentStatus.Obtained ? Plans.PlanKind.WithConsent : Plans.PlanKind.WholeHousehold);

    public LedgerCase ToCase(string source) => new(IntakeDate, Route, ReferringAgencyId, LeadAgencyId, Categories, Consent, ConsentDate ?? IntakeDate,
        ClosedOn, HandedBack, PlanApprovals.Count > 0, string.IsNullOrWhiteSpace(Note) ? $"台帳から取り込み（{source}）" : Note.Trim(), source);
}
