using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Meetings;

/// <summary>Building the agenda before (or during) the session: case and topic items, their order and removal.</summary>
public partial class Meeting
{
    public AgendaItem AddAgendaItem(SupportCase supportCase, AgendaPurpose purpose, int minutes, DateTimeOffset now)
    {
        EnsureOpen();
        CheckNewItem(purpose, minutes)
            .Require(TakesCases(Kind), nameof(Agenda), "検討会議の議題はアウトリーチ対象者と検討テーマです。ケースは重層的支援会議か支援会議で扱ってください。")
            .Require(!supportCase.IsClosed || purpose == AgendaPurpose.ClosureEvaluation, nameof(Agenda), "終結したケースは議題にできません。")
            .Require(MayDiscuss(supportCase), nameof(Agenda), NeedsConsentMessage)
            .Require(_agenda.All(a => a.SupportCaseId != supportCase.Id), nameof(Agenda), "このケースは既に議題にあります。")
            .ThrowIfAny();
        return Append(AgendaItem.ForCase(supportCase.Id, purpose, _agenda.Count + 1, minutes), now);
    }

    /// <summary>
    /// 検討テーマ: an item without a case (a missing social resource, an issue across cases), as 立川's 検討会 holds them.
    /// It carries no personal data of a case, so neither consent nor a pledge is needed to discuss it; it records
    /// decisions and 対応事項, but no outcome for a case.
    /// </summary>
    public AgendaItem AddTopicItem(string? title, string? description, AgendaPurpose purpose, int minutes, DateTimeOffset now)
    {
        EnsureOpen();
        CheckNewItem(purpose, minutes)
            .RequireText(title, nameof(AgendaItem.TopicTitle), "検討テーマ", AgendaItem.TopicTitleMaxLength)
            .OptionalText(description, nameof(AgendaItem.TopicDescription), "検討テーマの説明", AgendaItem.TopicDescriptionMaxLength)
            .Require(!purpose.NeedsCase(), nameof(AgendaItem.Purpose), "検討テーマの目的は「情報共有」か「不足する資源の検討」を選択してください。")
            .ThrowIfAny();
        return Append(AgendaItem.ForTopic(title!.Trim(), RuleCheck.Clean(description), purpose, _agenda.Count + 1, minutes), now);
    }

    /// <summary>Moves an item to <paramref name="position"/> (1-based); the others keep their relative order.</summary>
    public void MoveAgendaItem(int itemId, int position, DateTimeOffset now)
    {
        EnsureOpen();
        var item = _agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainException("この議題は見つかりません。画面を再読み込みしてください。");
        var ordered = _agenda.OrderBy(a => a.Order).Where(a => a != item).ToList();
        ordered.Insert(Math.Clamp(position, 1, _agenda.Count) - 1, item);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }
        Touch(now);
    }

    public void RemoveAgendaItem(int itemId, DateTimeOffset now)
    {
        EnsureOpen();
        var item = FindItem(itemId);
        if (_decisions.Any(d => d.AgendaItemId == itemId) || _actionItems.Any(a => a.AgendaItemId == itemId))
        {
            throw new DomainException("決定事項や対応事項がある議題は外せません。", nameof(Agenda));
        }
        _agenda.Remove(item);
        var order = 1;
        foreach (var rest in _agenda.OrderBy(a => a.Order))
        {
            rest.MoveTo(order++);
        }
        if (CurrentAgendaItemId == itemId)
        {
            CurrentAgendaItemId = null;
            CurrentItemStartedAt = null;
        }
        Touch(now);
    }

    /// <summary>The cases on the agenda (its case items), in agenda order.</summary>
    public IReadOnlyList<int> CaseIdsOnAgenda() =>
        _agenda.OrderBy(a => a.Order).Where(a => a.SupportCaseId is not null).Select(a => a.SupportCaseId!.Value).ToList();

    private RuleCheck CheckNewItem(AgendaPurpose purpose, int minutes) =>
        new RuleCheck()
            .Require(_agenda.Count < MaxAgendaItems, nameof(Agenda), $"議題は{MaxAgendaItems}件までです。")
            .Require(Enum.IsDefined(purpose), nameof(AgendaItem.Purpose), "この回の目的を選択してください。")
            .Require(minutes is >= 1 and <= 120, nameof(AgendaItem.Minutes), "時間の目安は1分から120分の間で入力してください。");

    private AgendaItem Append(AgendaItem item, DateTimeOffset now)
    {
        _agenda.Add(item);
        Touch(now);
        return item;
    }
}
