using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Contacts;
using Juso.Domain.Households;

namespace Juso.Portal.Features.Cases;

/// <summary>A household member as the forms edit it. Property names match the domain's error keys.</summary>
public sealed class MemberForm
{
    public int? MemberId { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyNameKana { get; set; }

    public string? GivenNameKana { get; set; }

    public DateTime? BirthDate { get; set; }

    public Relationship Relationship { get; set; } = Relationship.Principal;

    /// <summary>性別: optional, null while not chosen.</summary>
    public Sex? Sex { get; set; }

    public string? Note { get; set; }

    public static MemberForm From(MemberView member) => new()
    {
        MemberId = member.Id,
        FamilyName = member.FamilyName,
        GivenName = member.GivenName,
        FamilyNameKana = member.FamilyNameKana,
        GivenNameKana = member.GivenNameKana,
        BirthDate = member.BirthDate?.ToDateTime(TimeOnly.MinValue),
        Relationship = member.Relationship,
        Sex = member.Sex,
        Note = member.Note,
    };

    public MemberDetails ToDetails() => new(FamilyName, GivenName, FamilyNameKana, GivenNameKana,
        BirthDate is { } d ? DateOnly.FromDateTime(d) : null, Relationship, Note, Sex);
}

/// <summary>The household part shared by the intake form and the household page.</summary>
public class HouseholdForm
{
    public string? Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>世帯の備考.</summary>
    public string? Note { get; set; }

    public List<MemberForm> Members { get; set; } = [new MemberForm()];

    public IReadOnlyList<MemberDetails> MemberDetails() => Members.Select(m => m.ToDetails()).ToList();
}

public sealed class ConsentForm
{
    public ConsentStatus? Status { get; set; }

    public DateTime? Date { get; set; }

    public ConsentMethod? Method { get; set; }

    public string? Note { get; set; }

    public ConsentDetails? ToDetails() => Status is { } status
        ? new ConsentDetails(status, Date is { } d ? DateOnly.FromDateTime(d) : null, Method, Note)
        : null;
}

/// <summary>相談受付: a new case, for a new household or one already known.</summary>
public sealed class IntakeForm : HouseholdForm
{
    public int? ExistingHouseholdId { get; set; }

    /// <summary>The version of the known household when the form was opened, to refuse a stale overwrite.</summary>
    public int ExistingHouseholdVersion { get; set; }

    /// <summary>The アウトリーチ対象者 this intake converts, with the version the form was prefilled from.</summary>
    public int? LeadId { get; set; }

    public int LeadVersion { get; set; }

    public DateTime? IntakeDate { get; set; }

    public IntakeRoute? IntakeRoute { get; set; }

    public int? ReferringAgencyId { get; set; }

    /// <summary>Codes of the chosen categories (<see cref="ConcernCategoryEntry.Code"/>).</summary>
    public HashSet<string> Concerns { get; set; } = [];

    public string? IntakeSummary { get; set; }

    /// <summary>相談者: null for 本人; an empty text is 「その他」 chosen with nothing typed (<see cref="Components.Shared.PartyField"/>).</summary>
    public string? ConsulterName { get; set; }

    public ConsentForm Consent { get; set; } = new();

    /// <summary>相談者 offered: 本人, the other members as entered, the active agencies and the usual kinds.</summary>
    public IReadOnlyList<Components.Shared.PartyOption> ConsulterOptions(IEnumerable<AgencyOption> agencies) => PartyChoices.Consulters(
        Members.Where(m => m.Relationship != Relationship.Principal && !string.IsNullOrWhiteSpace(m.FamilyName))
            .Select(m => PartyChoices.Member(m.FamilyName, m.GivenName, m.Relationship)),
        agencies.Where(a => a.IsActive).Select(a => a.Name));

    /// <summary>What the choices leave open, which the domain cannot see: 「その他」 chosen and nothing typed.</summary>
    public IReadOnlyList<DomainError> ChoiceErrors() => ConsulterName is { } consulter && string.IsNullOrWhiteSpace(consulter)
        ? [new DomainError(nameof(ConsulterName), "相談者で「その他」を選んだときは、誰からの相談かを入力してください。")]
        : [];

    public IntakeDetails ToIntakeDetails() => new(
        IntakeDate is { } d ? DateOnly.FromDateTime(d) : null,
        IntakeRoute,
        ReferringAgencyId,
        Concerns.ToList(),
        IntakeSummary,
        ConsulterName);
}

/// <summary>A new assessment version as the assessment tab edits it: texts by field name, issues by member id, sources.</summary>
public sealed class AssessmentForm
{
    public Dictionary<string, string?> Texts { get; } = [];

    public Dictionary<int, string?> MemberIssues { get; } = [];

    public List<SourceForm> Sources { get; } = [new SourceForm()];

    /// <summary>Blank issues and untouched source rows are left out: the tab always offers one empty source row.</summary>
    public AssessmentDetails ToDetails() => new(
        Text(nameof(AssessmentDetails.Situation)), Text(nameof(AssessmentDetails.Health)), Text(nameof(AssessmentDetails.Finances)),
        Text(nameof(AssessmentDetails.Housing)), Text(nameof(AssessmentDetails.FamilyRelations)), Text(nameof(AssessmentDetails.CommunityTies)),
        Text(nameof(AssessmentDetails.Strengths)), Text(nameof(AssessmentDetails.Wishes)),
        MemberIssues.Where(i => !string.IsNullOrWhiteSpace(i.Value)).Select(i => new MemberIssueDetails(i.Key, i.Value)).ToList(),
        Sources.Where(s => s.AgencyId is not null || !string.IsNullOrWhiteSpace(s.SourceName) || !string.IsNullOrWhiteSpace(s.Content))
            .Select(s => new SourceDetails(s.AgencyId, s.SourceName, s.ReceivedOn is { } d ? DateOnly.FromDateTime(d) : null, s.Content)).ToList());

    private string? Text(string field) => Texts.GetValueOrDefault(field);
}

public sealed class SourceForm
{
    public int? AgencyId { get; set; }

    public string? SourceName { get; set; }

    /// <summary>The source as <see cref="Components.Shared.PartyField"/> chooses it: an agency by its key, otherwise the person's text.</summary>
    public string? Party
    {
        get => AgencyId is { } id ? PartyChoices.AgencyKey(id) : SourceName;
        set
        {
            AgencyId = PartyChoices.AgencyOf(value);
            SourceName = AgencyId is null ? value : null;
        }
    }

    public DateTime? ReceivedOn { get; set; }

    public string? Content { get; set; }
}

/// <summary>支援経過: one contact, its date and time entered separately in Japan time.</summary>
public sealed class ContactForm
{
    public ContactKind? Kind { get; set; }

    public DateTime? Date { get; set; }

    public TimeSpan? Time { get; set; }

    public string? WithWhom { get; set; }

    public string? Content { get; set; }

    /// <summary>次回フォロー予定日: only for a 終結後フォロー.</summary>
    public DateTime? NextFollowUpOn { get; set; }

    public ContactDetails ToDetails() => new(Kind, Date is { } d ? JapanDate.At(d.Date, Time) : null, WithWhom, Content,
        NextFollowUpOn is { } next ? DateOnly.FromDateTime(next) : null);
}
