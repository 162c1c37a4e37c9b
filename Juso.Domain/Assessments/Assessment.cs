using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Assessments;

/// <summary>The household as a form gives it: each aspect the sources name, as free text.</summary>
public sealed record AssessmentDetails(
    string? Situation,
    string? Health,
    string? Finances,
    string? Housing,
    string? FamilyRelations,
    string? CommunityTies,
    string? Strengths,
    string? Wishes,
    IReadOnlyList<MemberIssueDetails> MemberIssues,
    IReadOnlyList<SourceDetails> Sources);

public sealed record MemberIssueDetails(int MemberId, string? Issue);

/// <summary>Which agency (or person) said what, and when: kept with the assessment it informed.</summary>
public sealed record SourceDetails(int? AgencyId, string? SourceName, DateOnly? ReceivedOn, string? Content);

/// <summary>
/// アセスメント of the whole household. Each save is a new version; earlier versions are kept unchanged, so the
/// plan can always be read against what was known when it was made.
/// </summary>
public class Assessment : AggregateRoot
{
    public const int TextMaxLength = 2000;
    public const int SourceNameMaxLength = 100;
    public const int MaxSources = 30;

    private readonly List<MemberIssue> _memberIssues = [];
    private readonly List<InformationSource> _sources = [];

    protected Assessment()
    {
        Situation = string.Empty;
        RecordedByName = string.Empty;
    }

    public int SupportCaseId { get; private set; }

    public int AssessmentVersion { get; private set; }

    /// <summary>世帯の状況.</summary>
    public string Situation { get; private set; }

    public string? Health { get; private set; }

    /// <summary>経済状況.</summary>
    public string? Finances { get; private set; }

    public string? Housing { get; private set; }

    public string? FamilyRelations { get; private set; }

    /// <summary>近隣・地域とのつながり.</summary>
    public string? CommunityTies { get; private set; }

    /// <summary>本人・世帯の強み.</summary>
    public string? Strengths { get; private set; }

    /// <summary>本人の希望.</summary>
    public string? Wishes { get; private set; }

    public string RecordedByName { get; private set; }

    public IReadOnlyList<MemberIssue> MemberIssues => _memberIssues;

    public IReadOnlyList<InformationSource> Sources => _sources;

    /// <summary>
    /// Records version <paramref name="version"/> of the case's assessment. <paramref name="memberIds"/> are the
    /// household's members (issues may name only them); <paramref name="knownAgencyIds"/> the agencies a source may name.
    /// </summary>
    public static Assessment Record(SupportCase supportCase, int version, AssessmentDetails details, IReadOnlyCollection<int> memberIds,
        IReadOnlyCollection<int> knownAgencyIds, Actor actor, DateTimeOffset now)
    {
        if (supportCase.Stage is CaseStage.Intake or CaseStage.Closed)
        {
            throw new DomainException($"アセスメントは「{CaseStage.Assessment.Label()}」以降、終結前のケースに記録します（現在は「{supportCase.Stage.Label()}」）。");
        }
        var today = JapanDate.Today(now);
        var check = new RuleCheck()
            .RequireText(details.Situation, nameof(Situation), "世帯の状況", TextMaxLength)
            .OptionalText(details.Health, nameof(Health), "健康", TextMaxLength)
            .OptionalText(details.Finances, nameof(Finances), "経済状況", TextMaxLength)
            .OptionalText(details.Housing, nameof(Housing), "住まい", TextMaxLength)
            .OptionalText(details.FamilyRelations, nameof(FamilyRelations), "家族関係", TextMaxLength)
            .OptionalText(details.CommunityTies, nameof(CommunityTies), "地域とのつながり", TextMaxLength)
            .OptionalText(details.Strengths, nameof(Strengths), "強み", TextMaxLength)
            .OptionalText(details.Wishes, nameof(Wishes), "本人の希望", TextMaxLength)
            .Require(version > 0, nameof(AssessmentVersion), "アセスメントの版が正しくありません。")
            .Require(details.Sources.Count <= MaxSources, nameof(Sources), $"情報源は{MaxSources}件までです。");
        for (var i = 0; i < details.MemberIssues.Count; i++)
        {
            var issue = details.MemberIssues[i];
            check.Require(memberIds.Contains(issue.MemberId), $"{nameof(MemberIssues)}[{i}].{nameof(MemberIssueDetails.MemberId)}", "この世帯の世帯員を選択してください。")
                .RequireText(issue.Issue, $"{nameof(MemberIssues)}[{i}].{nameof(MemberIssueDetails.Issue)}", "世帯員の課題", TextMaxLength);
        }
        for (var i = 0; i < details.Sources.Count; i++)
        {
            var source = details.Sources[i];
            var prefix = $"{nameof(Sources)}[{i}].";
            check.Require(source.AgencyId is null || knownAgencyIds.Contains(source.AgencyId.Value), prefix + nameof(SourceDetails.AgencyId), "登録されている機関を選択してください。")
                .Require(source.AgencyId is not null || !string.IsNullOrWhiteSpace(source.SourceName), prefix + nameof(SourceDetails.SourceName), "情報の出所（機関または人）を入力してください。")
                .OptionalText(source.SourceName, prefix + nameof(SourceDetails.SourceName), "情報の出所", SourceNameMaxLength)
                .Require(source.ReceivedOn is null || source.ReceivedOn <= today, prefix + nameof(SourceDetails.ReceivedOn), "情報を得た日に未来の日付は入力できません。")
                .RequireText(source.Content, prefix + nameof(SourceDetails.Content), "情報の内容", TextMaxLength);
        }
        check.ThrowIfAny();

        var assessment = new Assessment
        {
            SupportCaseId = supportCase.Id,
            AssessmentVersion = version,
            Situation = details.Situation!.Trim(),
            Health = RuleCheck.Clean(details.Health),
            Finances = RuleCheck.Clean(details.Finances),
            Housing = RuleCheck.Clean(details.Housing),
            FamilyRelations = RuleCheck.Clean(details.FamilyRelations),
            CommunityTies = RuleCheck.Clean(details.CommunityTies),
            Strengths = RuleCheck.Clean(details.Strengths),
            Wishes = RuleCheck.Clean(details.Wishes),
            RecordedByName = actor.Name,
        };
        assessment._memberIssues.AddRange(details.MemberIssues.Select(i => new MemberIssue(i.MemberId, i.Issue!.Trim())));
        assessment._sources.AddRange(details.Sources.Select(s => new InformationSource(s.AgencyId, RuleCheck.Clean(s.SourceName), s.ReceivedOn, s.Content!.Trim())));
        assessment.MarkCreated(now);
        return assessment;
    }
}

/// <summary>An issue of one household member, as assessed.</summary>
public class MemberIssue : Entity
{
    protected MemberIssue()
    {
        Issue = string.Empty;
    }

    internal MemberIssue(int memberId, string issue)
    {
        MemberId = memberId;
        Issue = issue;
    }

    public int AssessmentId { get; private set; }

    public int MemberId { get; private set; }

    public string Issue { get; private set; }
}

/// <summary>情報源: what an agency or person told the coordinator.</summary>
public class InformationSource : Entity
{
    protected InformationSource()
    {
        Content = string.Empty;
    }

    internal InformationSource(int? agencyId, string? sourceName, DateOnly? receivedOn, string content)
    {
        AgencyId = agencyId;
        SourceName = sourceName;
        ReceivedOn = receivedOn;
        Content = content;
    }

    public int AssessmentId { get; private set; }

    public int? AgencyId { get; private set; }

    public string? SourceName { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public string Content { get; private set; }
}
