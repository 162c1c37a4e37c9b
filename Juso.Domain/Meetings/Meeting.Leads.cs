using Juso.Domain.Common;
using Juso.Domain.Outreach;

namespace Juso.Domain.Meetings;

/// <summary>アウトリーチ対象者 on the agenda: a 検討会議 or a 支援会議 takes any open lead, a 重層的支援会議 only one who consented.</summary>
public partial class Meeting
{
    public const string LeadNeedsConsentMessage = "本人の同意がないアウトリーチ対象者は重層的支援会議では扱えません。検討会議か支援会議で扱ってください。";

    /// <summary>A 検討会議 takes leads and topics, never cases; the other kinds take cases (and leads and topics too).</summary>
    public static bool TakesCases(MeetingKind kind) => kind != MeetingKind.OutreachReview;

    /// <summary>Whether a meeting of the kind may have the lead on its agenda: a 重層的支援会議 only with the person's consent.</summary>
    public static bool MayDiscussLead(MeetingKind kind, bool hasConsent) => kind != MeetingKind.MultiLayered || hasConsent;

    public AgendaItem AddLeadItem(OutreachLead lead, AgendaPurpose purpose, int minutes, DateTimeOffset now)
    {
        EnsureOpen();
        CheckNewItem(purpose, minutes)
            .Require(lead.IsOpen, nameof(Agenda), "支援につながった・終了した対象者は議題にできません。")
            .Require(MayDiscussLead(Kind, lead.HasConsent), nameof(Agenda), LeadNeedsConsentMessage)
            .Require(!purpose.NeedsCase(), nameof(AgendaItem.Purpose), "アウトリーチ対象者の目的は「情報共有」か「不足する資源の検討」を選択してください。")
            .Require(_agenda.All(a => a.LeadId != lead.Id), nameof(Agenda), "この対象者は既に議題にあります。")
            .ThrowIfAny();
        return Append(AgendaItem.ForLead(lead.Id, purpose, _agenda.Count + 1, minutes), now);
    }
}
