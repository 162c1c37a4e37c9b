using System.Linq.Expressions;
using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Outreach;

/// <summary>What is known of a person when they are put on the list; as little as an address and 「○○さん宅の長男（40代）」.</summary>
public sealed record LeadDetails(
    string? Description,
    string? Address,
    LeadSource? Source,
    int? SourceAgencyId,
    string? SourceNote,
    string? Worry,
    int? ResponsibleAgencyId,
    int? OutreachWorkerStaffId,
    int? ContactEveryDays);

/// <summary>
/// アウトリーチ対象者: a person outreach tries to reach, long before any consent or case. The attempts are rows of
/// their own (<see cref="OutreachContact"/>), so that two workers logging contact at once never collide on this row.
/// </summary>
public class OutreachLead : AggregateRoot
{
    public const int DescriptionMaxLength = 100;
    public const int AddressMaxLength = 200;
    public const int SourceNoteMaxLength = 200;
    public const int WorryMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int MinContactEveryDays = 1;
    public const int MaxContactEveryDays = 180;
    public const int DefaultContactEveryDays = 14;

    protected OutreachLead()
    {
        Description = string.Empty;
        Worry = string.Empty;
    }

    /// <summary>How the person is known: 「○○さん宅の長男（40代）」; a full name is not needed.</summary>
    public string Description { get; private set; }

    public string? Address { get; private set; }

    public LeadSource Source { get; private set; }

    /// <summary>The agency that told us, when the source is an agency or 庁内連携.</summary>
    public int? SourceAgencyId { get; private set; }

    /// <summary>Who exactly told us (「○○地区の民生委員」).</summary>
    public string? SourceNote { get; private set; }

    /// <summary>気になること: why the person is on the list.</summary>
    public string Worry { get; private set; }

    /// <summary>The agency responsible for the outreach; its members see and work on the lead.</summary>
    public int ResponsibleAgencyId { get; private set; }

    public int? OutreachWorkerStaffId { get; private set; }

    /// <summary>The longest the person may go without an attempt to reach them.</summary>
    public int ContactEveryDays { get; private set; }

    /// <summary>把握日: when the lead was put on the list.</summary>
    public DateOnly RegisteredOn { get; private set; }

    public LeadStage Stage { get; private set; }

    public DateOnly? ConsentOn { get; private set; }

    public ConsentMethod? ConsentMethod { get; private set; }

    /// <summary>The last withdrawal of consent (its date and how it was said); the audit keeps who recorded each change.</summary>
    public DateOnly? ConsentWithdrawnOn { get; private set; }

    public ConsentMethod? ConsentWithdrawnMethod { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>The case the lead became at intake, once the person consented.</summary>
    public int? ConvertedCaseId { get; private set; }

    public DateOnly? ConvertedOn { get; private set; }

    public bool HasConsent => Stage is LeadStage.Consented or LeadStage.Connected;

    public bool IsOpen => Stage is not (LeadStage.Connected or LeadStage.Ended);

    /// <summary><see cref="IsOpen"/> as a filter a query can run.</summary>
    public static readonly Expression<Func<OutreachLead, bool>> Open = l => l.Stage != LeadStage.Connected && l.Stage != LeadStage.Ended;

    public static OutreachLead Register(LeadDetails details, DateTimeOffset now)
    {
        Check(details).ThrowIfAny();
        var lead = new OutreachLead { Stage = LeadStage.NotContacted, RegisteredOn = JapanDate.Today(now) };
        lead.Apply(details);
        lead.MarkCreated(now);
        return lead;
    }

    public void Revise(LeadDetails details, DateTimeOffset now)
    {
        Check(details).Require(IsOpen, nameof(Stage), "支援につながった・終了した対象者は変更できません。").ThrowIfAny();
        Apply(details);
        Touch(now);
    }

    /// <summary>
    /// Moves the relationship on. 接触 needs an attempt that reached the person; 関係構築 follows 接触. 同意 is
    /// <see cref="RecordConsent"/>, 支援につながった is <see cref="ConvertTo"/>, 終了 is <see cref="End"/>.
    /// </summary>
    public void AdvanceTo(LeadStage stage, bool anyAttemptReachedPerson, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(stage is LeadStage.Contacted or LeadStage.Relationship, nameof(Stage), "この段階へは、ここからは進められません。")
            .Require(stage != LeadStage.Contacted || Stage == LeadStage.NotContacted, nameof(Stage), "「接触」にできるのは「未接触」の対象者です。")
            .Require(stage != LeadStage.Contacted || anyAttemptReachedPerson, nameof(Stage), "「接触」にするには、本人に会えた・話せた記録が必要です。")
            .Require(stage != LeadStage.Relationship || Stage == LeadStage.Contacted, nameof(Stage), "「関係構築」にできるのは「接触」の対象者です。")
            .ThrowIfAny();
        Stage = stage;
        Touch(now);
    }

    /// <summary>本人同意: the person agrees to support and to information being shared; it opens the way to intake.</summary>
    public void RecordConsent(DateOnly? on, ConsentMethod? method, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(Stage is LeadStage.Contacted or LeadStage.Relationship, nameof(Stage), "同意を記録できるのは、本人と接触した後（「接触」「関係構築」）です。")
            .Require(on is not null, nameof(ConsentOn), "同意日を入力してください。")
            .Require(on is null || on <= JapanDate.Today(now), nameof(ConsentOn), "同意日に未来の日付は入力できません。")
            .Require(on is null || on >= RegisteredOn, nameof(ConsentOn), "同意日は把握日以降にしてください。")
            .Require(method is not null && Enum.IsDefined(method.Value), nameof(ConsentMethod), "同意の方法を選択してください。")
            .ThrowIfAny();
        Stage = LeadStage.Consented;
        ConsentOn = on;
        ConsentMethod = method;
        Touch(now);
    }

    /// <summary>
    /// 本人同意の撤回 (domain.md): the lead goes back to 関係構築, so from now on it is shared only on the 支援会議 path:
    /// the agency that told us no longer sees it (<see cref="LeadConfidentiality"/>), a 重層的支援会議 neither takes nor
    /// shows it, and a new アウトリーチプラン is discussed in a 支援会議; approved plans stay as records. Consent given
    /// later is recorded again (<see cref="RecordConsent"/>). After conversion, consent lives on the case.
    /// </summary>
    public void WithdrawConsent(DateOnly? on, ConsentMethod? method, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(Stage == LeadStage.Consented, nameof(Stage),
                Stage == LeadStage.Connected ? "相談受付に移行した対象者の同意は、ケースの本人同意で撤回を記録してください。" : "同意の撤回を記録できるのは「同意」の対象者です。")
            .Require(on is not null, nameof(ConsentWithdrawnOn), "撤回日を入力してください。")
            .Require(on is null || on <= JapanDate.Today(now), nameof(ConsentWithdrawnOn), "撤回日に未来の日付は入力できません。")
            .Require(on is null || ConsentOn is null || on >= ConsentOn, nameof(ConsentWithdrawnOn), "撤回日は同意日以降にしてください。")
            .Require(method is not null && Enum.IsDefined(method.Value), nameof(ConsentWithdrawnMethod), "撤回の方法を選択してください。")
            .ThrowIfAny();
        Stage = LeadStage.Relationship;
        ConsentWithdrawnOn = on;
        ConsentWithdrawnMethod = method;
        Touch(now);
    }

    /// <summary>終了: outreach stops (moved away, support came another way, the family declined for good).</summary>
    public void End(string? reason, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(IsOpen, nameof(Stage), "支援につながった・終了した対象者は終了できません。")
            .RequireText(reason, nameof(EndReason), "終了の理由", ReasonMaxLength)
            .ThrowIfAny();
        Stage = LeadStage.Ended;
        EndedOn = JapanDate.Today(now);
        EndReason = reason!.Trim();
        Touch(now);
    }

    /// <summary>The person's intake was taken: the lead now points to the case, once only.</summary>
    public void ConvertTo(int caseId, DateTimeOffset now)
    {
        if (ConvertedCaseId is not null)
        {
            throw new DomainException("この対象者はすでに相談受付（ケース）に移行しています。", nameof(ConvertedCaseId));
        }
        if (Stage != LeadStage.Consented)
        {
            throw new DomainException("相談受付に移行できるのは、本人の同意を記録した対象者です。", nameof(Stage));
        }
        ConvertedCaseId = caseId;
        ConvertedOn = JapanDate.Today(now);
        Stage = LeadStage.Connected;
        Touch(now);
    }

    /// <summary>The day by which the next attempt is due: the contact frequency from the last attempt (or from 把握日).</summary>
    public DateOnly ContactDueOn(DateOnly? lastAttemptOn) =>
        JapanDate.AddDaysWithinCalendar(lastAttemptOn is { } last && last > RegisteredOn ? last : RegisteredOn, ContactEveryDays);

    /// <summary>An open lead past its due day: the outreach worker is alerted.</summary>
    public bool IsContactOverdue(DateOnly? lastAttemptOn, DateOnly today) => IsOpen && today > ContactDueOn(lastAttemptOn);

    private static RuleCheck Check(LeadDetails d) => new RuleCheck()
        .RequireText(d.Description, nameof(Description), "対象者（呼び方）", DescriptionMaxLength)
        .WellFormed(d.Description, nameof(Description), "対象者（呼び方）")
        .OptionalText(d.Address, nameof(Address), "住所", AddressMaxLength)
        .Require(d.Source is not null && Enum.IsDefined(d.Source.Value), nameof(Source), "把握の経路を選択してください。")
        .Require(d.Source is not (LeadSource.Agency or LeadSource.Municipal) || d.SourceAgencyId is not null, nameof(SourceAgencyId),
            "支援関係機関・庁内連携からの場合は、情報元の機関を選択してください。")
        .OptionalText(d.SourceNote, nameof(SourceNote), "情報元の詳細", SourceNoteMaxLength)
        .RequireText(d.Worry, nameof(Worry), "気になること", WorryMaxLength)
        .Require(d.ResponsibleAgencyId is not null, nameof(ResponsibleAgencyId), "担当機関を選択してください。")
        .Require(d.ContactEveryDays is >= MinContactEveryDays and <= MaxContactEveryDays, nameof(ContactEveryDays),
            $"働きかけの間隔は{MinContactEveryDays}日から{MaxContactEveryDays}日の間で入力してください。");

    private void Apply(LeadDetails d)
    {
        Description = d.Description!.Trim();
        Address = RuleCheck.Clean(d.Address);
        Source = d.Source!.Value;
        SourceAgencyId = d.SourceAgencyId;
        SourceNote = RuleCheck.Clean(d.SourceNote);
        Worry = d.Worry!.Trim();
        ResponsibleAgencyId = d.ResponsibleAgencyId!.Value;
        OutreachWorkerStaffId = d.OutreachWorkerStaffId;
        ContactEveryDays = d.ContactEveryDays!.Value;
    }
}
