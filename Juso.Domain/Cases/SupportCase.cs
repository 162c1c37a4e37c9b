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

    /// <summary>Whether members of <paramref name="agencyId"/> may see this case: the agency has a part in it.</summary>
    public bool Involves(int agencyId) => _agencies.Any(a => a.AgencyId == agencyId);

    /// <summary>The agency that took or referred the consultation, to hand the case back to.</summary>
    public int? IntakeAgencyId => ReferringAgencyId ?? _agencies.FirstOrDefault(a => a.Role == CaseAgencyRole.Intake)?.AgencyId;

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainException("終結したケースは変更できません。");
        }
    }
}
