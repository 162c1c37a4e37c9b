using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Contacts;

/// <summary>How the contact happened (支援経過記録の種別).</summary>
public enum ContactKind
{
    Visit,
    Call,
    OfficeVisit,
    Accompaniment,
    Letter,
    Message,
}

public static class ContactLabels
{
    public static string Label(this ContactKind kind) => kind switch
    {
        ContactKind.Visit => "訪問",
        ContactKind.Call => "電話",
        ContactKind.OfficeVisit => "来所",
        ContactKind.Accompaniment => "同行",
        ContactKind.Letter => "手紙",
        ContactKind.Message => "メッセージ",
        _ => kind.ToString(),
    };
}

/// <param name="NextFollowUpOn">次回フォロー予定日: only for a 終結後フォロー, never in the past.</param>
public sealed record ContactDetails(ContactKind? Kind, DateTimeOffset? OccurredAt, string? WithWhom, string? Content, DateOnly? NextFollowUpOn = null);

/// <summary>
/// 支援経過記録: one contact with the household or about it; who, when, with whom, what. On a closed case the one
/// thing still recorded is a 終結後フォロー (the case stays closed), which may set the date of the next follow-up.
/// </summary>
public class ContactRecord : AggregateRoot
{
    public const int WithWhomMaxLength = 100;
    public const int ContentMaxLength = 4000;

    protected ContactRecord()
    {
        Content = string.Empty;
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    public int SupportCaseId { get; private set; }

    public ContactKind Kind { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string? WithWhom { get; private set; }

    public string Content { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    /// <summary>終結後フォロー: recorded after the case was closed; set by the case's stage, not chosen.</summary>
    public bool IsFollowUp { get; private set; }

    /// <summary>次回フォロー予定日: the lead agency's members and the coordinator are reminded on this date.</summary>
    public DateOnly? NextFollowUpOn { get; private set; }

    public static ContactRecord Record(SupportCase supportCase, ContactDetails details, Actor actor, DateTimeOffset now)
    {
        var followUp = supportCase.IsClosed;
        var check = new RuleCheck()
            .Require(details.Kind is not null, nameof(Kind), "種別（訪問・電話など）を選択してください。")
            .Require(details.Kind is null || Enum.IsDefined(details.Kind.Value), nameof(Kind), "種別の値が正しくありません。")
            .Require(details.OccurredAt is not null, nameof(OccurredAt), "日時を入力してください。")
            .Require(details.OccurredAt is null || details.OccurredAt <= now, nameof(OccurredAt), "日時に未来の日時は入力できません。")
            .Require(details.OccurredAt is null || JapanDate.Today(details.OccurredAt.Value) >= supportCase.IntakeDate, nameof(OccurredAt), "日時は受付日以降にしてください。")
            .Require(!followUp || details.OccurredAt is null || supportCase.ClosedOn is null || JapanDate.Today(details.OccurredAt.Value) >= supportCase.ClosedOn,
                nameof(OccurredAt), "終結後フォローの日時は終結日以降にしてください。")
            .OptionalText(details.WithWhom, nameof(WithWhom), "相手", WithWhomMaxLength)
            .RequireText(details.Content, nameof(Content), "内容", ContentMaxLength)
            .Require(followUp || details.NextFollowUpOn is null, nameof(NextFollowUpOn), "次回フォロー予定日は、終結したケースの終結後フォローにのみ入力できます。")
            .Require(details.NextFollowUpOn is null || details.NextFollowUpOn >= JapanDate.Today(now), nameof(NextFollowUpOn), "次回フォロー予定日に過去の日付は入力できません。");
        check.ThrowIfAny();
        var record = new ContactRecord
        {
            SupportCaseId = supportCase.Id,
            Kind = details.Kind!.Value,
            OccurredAt = details.OccurredAt!.Value.UtcDateTime,
            WithWhom = RuleCheck.Clean(details.WithWhom),
            Content = details.Content!.Trim(),
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            IsFollowUp = followUp,
            NextFollowUpOn = details.NextFollowUpOn,
        };
        record.MarkCreated(now);
        return record;
    }
}
