using Juso.Domain.Common;

namespace Juso.Domain.Outreach;

public sealed record OutreachContactDetails(OutreachMethod? Method, OutreachOutcome? Outcome, DateTimeOffset? OccurredAt, string? Note);

/// <summary>
/// One attempt to reach a lead (手紙, 電話, 訪問 …) and what came of it. A row of its own, never a list on the lead:
/// two workers logging contact on one lead at the same time both keep theirs.
/// </summary>
public class OutreachContact : AggregateRoot
{
    public const int NoteMaxLength = 2000;

    protected OutreachContact()
    {
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    public int LeadId { get; private set; }

    public OutreachMethod Method { get; private set; }

    public OutreachOutcome Outcome { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string? Note { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    public static OutreachContact Record(OutreachLead lead, OutreachContactDetails details, Actor actor, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(lead.IsOpen, nameof(LeadId), "支援につながった・終了した対象者には働きかけを記録できません。")
            .Require(details.Method is not null && Enum.IsDefined(details.Method.Value), nameof(Method), "方法（手紙・電話・訪問など）を選択してください。")
            .Require(details.Outcome is not null && Enum.IsDefined(details.Outcome.Value), nameof(Outcome), "結果（不在・拒否・会えた・話せた）を選択してください。")
            .Require(details.OccurredAt is not null, nameof(OccurredAt), "日時を入力してください。")
            .Require(details.OccurredAt is null || details.OccurredAt <= now, nameof(OccurredAt), "日時に未来の日時は入力できません。")
            .Require(details.OccurredAt is null || JapanDate.Today(details.OccurredAt.Value) >= lead.RegisteredOn, nameof(OccurredAt), "日時は把握日以降にしてください。")
            .OptionalText(details.Note, nameof(Note), "内容", NoteMaxLength)
            .ThrowIfAny();
        var contact = new OutreachContact
        {
            LeadId = lead.Id,
            Method = details.Method!.Value,
            Outcome = details.Outcome!.Value,
            OccurredAt = details.OccurredAt!.Value.UtcDateTime,
            Note = RuleCheck.Clean(details.Note),
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
        };
        contact.MarkCreated(now);
        return contact;
    }
}
