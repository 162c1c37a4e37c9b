using Juso.Domain.Common;

namespace Juso.Domain.Participation;

/// <summary>What the directory says of a resource: what, where, when, whom it suits, whom to ask.</summary>
public sealed record ResourceDetails(string? Name, ResourceKind Kind, string? Description, string? Place, string? Schedule, string? SuitedFor,
    string? ContactPerson, string? Accessibility, int? Capacity);

/// <summary>
/// 社会資源: a place, activity or employer a person can be matched to by 参加支援. A resource the municipality lacks is
/// recorded too (status 不足, with where the gap was raised): that is the register of 不足している社会資源 the annual
/// review reads. A resource developed with a host (社会資源の開発) says so. Resources are archived, never deleted once a
/// plan refers to them.
/// </summary>
public class SocialResource : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 1000;
    public const int ShortTextMaxLength = 200;
    public const int MaxCapacity = 10_000;

    protected SocialResource()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public ResourceKind Kind { get; private set; }

    public ResourceStatus Status { get; private set; }

    /// <summary>What it is and what a person does there.</summary>
    public string? Description { get; private set; }

    public string? Place { get; private set; }

    /// <summary>When it is open or held (e.g. 毎週水曜 13時〜16時).</summary>
    public string? Schedule { get; private set; }

    /// <summary>Whom it suits.</summary>
    public string? SuitedFor { get; private set; }

    public string? ContactPerson { get; private set; }

    public string? Accessibility { get; private set; }

    public int? Capacity { get; private set; }

    /// <summary>Where the lack was raised (e.g. 令和8年度第2回重層的支援会議), for a resource recorded as 不足.</summary>
    public string? RaisedAt { get; private set; }

    public DateOnly? RaisedOn { get; private set; }

    /// <summary>社会資源の開発: developed with its host through participation support.</summary>
    public bool IsDeveloped { get; private set; }

    public DateOnly? DevelopedOn { get; private set; }

    /// <summary>How it was developed, with whom.</summary>
    public string? DevelopmentNote { get; private set; }

    /// <summary>Whether a person can be matched to it now.</summary>
    public bool AcceptsParticipants => Status == ResourceStatus.Available;

    /// <summary>A resource that exists, in the directory.</summary>
    public static SocialResource Register(ResourceDetails details, DateTimeOffset now)
    {
        var resource = new SocialResource { Status = ResourceStatus.Available };
        resource.Apply(details);
        resource.MarkCreated(now);
        return resource;
    }

    /// <summary>A resource developed with its host (社会資源の開発), in the directory from the start.</summary>
    public static SocialResource RegisterDeveloped(ResourceDetails details, string? developmentNote, DateTimeOffset now)
    {
        var resource = new SocialResource { Status = ResourceStatus.Available };
        resource.Apply(details, new RuleCheck().RequireText(developmentNote, nameof(DevelopmentNote), "開発の経過（誰とどのように）", TextMaxLength));
        resource.MarkDeveloped(developmentNote!, now);
        resource.MarkCreated(now);
        return resource;
    }

    /// <summary>A resource the municipality lacks (不足している社会資源), with where the lack was raised.</summary>
    public static SocialResource RecordLack(ResourceDetails details, string? raisedAt, DateOnly? raisedOn, DateTimeOffset now)
    {
        var resource = new SocialResource { Status = ResourceStatus.Lacking };
        resource.Apply(details, new RuleCheck()
            .RequireText(raisedAt, nameof(RaisedAt), "不足が挙がった場（会議名など）", ShortTextMaxLength)
            .Require(raisedOn is not null, nameof(RaisedOn), "不足が挙がった日を入力してください。")
            .Require(raisedOn is null || raisedOn <= JapanDate.Today(now), nameof(RaisedOn), "不足が挙がった日に未来の日付は入力できません。"));
        resource.RaisedAt = raisedAt!.Trim();
        resource.RaisedOn = raisedOn;
        resource.MarkCreated(now);
        return resource;
    }

    public void Update(ResourceDetails details, DateTimeOffset now)
    {
        EnsureNotArchived();
        Apply(details);
        Touch(now);
    }

    /// <summary>A lacking resource now exists, developed with its host (社会資源の開発): it enters the directory.</summary>
    public void Develop(ResourceDetails details, string? developmentNote, DateTimeOffset now)
    {
        if (Status != ResourceStatus.Lacking)
        {
            throw new DomainException($"「{ResourceStatus.Lacking.Label()}」として登録した社会資源だけを開発済みにできます（現在は「{Status.Label()}」）。");
        }
        Apply(details, new RuleCheck().RequireText(developmentNote, nameof(DevelopmentNote), "開発の経過（誰とどのように）", TextMaxLength));
        Status = ResourceStatus.Available;
        MarkDeveloped(developmentNote!, now);
        Touch(now);
    }

    /// <summary>受入休止 or 受入再開: the host takes nobody new for a while.</summary>
    public void SetAccepting(bool accepting, DateTimeOffset now)
    {
        if (Status is not (ResourceStatus.Available or ResourceStatus.Paused))
        {
            throw new DomainException($"「{Status.Label()}」の社会資源の受入状況は変更できません。");
        }
        Status = accepting ? ResourceStatus.Available : ResourceStatus.Paused;
        Touch(now);
    }

    /// <summary>No longer offered. Refused while a person is matched to it in a plan that has not ended.</summary>
    /// <param name="openPlans">Plans not ended that are matched to this resource.</param>
    public void Archive(int openPlans, DateTimeOffset now)
    {
        EnsureNotArchived();
        if (openPlans > 0)
        {
            throw new DomainException($"この社会資源を利用中の参加支援プランが{openPlans}件あります。先にそのプランを終了してからアーカイブしてください。");
        }
        Status = ResourceStatus.Archived;
        Touch(now);
    }

    /// <summary>Back in the directory after an archive.</summary>
    public void Restore(DateTimeOffset now)
    {
        if (Status != ResourceStatus.Archived)
        {
            throw new DomainException("アーカイブした社会資源だけを戻せます。");
        }
        Status = ResourceStatus.Available;
        Touch(now);
    }

    /// <summary>A resource is deleted only when entered by mistake: once a plan refers to it, it is archived instead.</summary>
    /// <param name="plansReferring">Plans that list it as a candidate or are matched to it, ended or not.</param>
    public void CheckDeletable(int plansReferring)
    {
        if (plansReferring > 0)
        {
            throw new DomainException($"参加支援プラン{plansReferring}件が参照しているため削除できません。提供をやめた社会資源はアーカイブしてください。");
        }
    }

    private void Apply(ResourceDetails details, RuleCheck? check = null)
    {
        (check ?? new RuleCheck())
            .RequireText(details.Name, nameof(Name), "名称", NameMaxLength)
            .Require(Enum.IsDefined(details.Kind), nameof(Kind), "種類を選択してください。")
            .OptionalText(details.Description, nameof(Description), "内容", TextMaxLength)
            .OptionalText(details.Place, nameof(Place), "場所", ShortTextMaxLength)
            .OptionalText(details.Schedule, nameof(Schedule), "日時", ShortTextMaxLength)
            .OptionalText(details.SuitedFor, nameof(SuitedFor), "対象・向いている人", TextMaxLength)
            .OptionalText(details.ContactPerson, nameof(ContactPerson), "窓口・担当者", ShortTextMaxLength)
            .OptionalText(details.Accessibility, nameof(Accessibility), "アクセシビリティ", TextMaxLength)
            .Require(details.Capacity is null or (>= 1 and <= MaxCapacity), nameof(Capacity), $"定員は1から{MaxCapacity}の間で入力してください（定めがなければ空欄）。")
            .ThrowIfAny();
        Name = details.Name!.Trim();
        Kind = details.Kind;
        Description = RuleCheck.Clean(details.Description);
        Place = RuleCheck.Clean(details.Place);
        Schedule = RuleCheck.Clean(details.Schedule);
        SuitedFor = RuleCheck.Clean(details.SuitedFor);
        ContactPerson = RuleCheck.Clean(details.ContactPerson);
        Accessibility = RuleCheck.Clean(details.Accessibility);
        Capacity = details.Capacity;
    }

    private void MarkDeveloped(string note, DateTimeOffset now)
    {
        IsDeveloped = true;
        DevelopedOn = JapanDate.Today(now);
        DevelopmentNote = note.Trim();
    }

    private void EnsureNotArchived()
    {
        if (Status == ResourceStatus.Archived)
        {
            throw new DomainException("アーカイブした社会資源は変更できません。先に一覧に戻してください。");
        }
    }
}
