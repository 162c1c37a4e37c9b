namespace Juso.Domain.Ledger;

/// <summary>A field of Juso that a column of a case ledger (台帳) can fill; one row of the ledger is one case.</summary>
public enum LedgerField
{
    LedgerNumber,
    IntakeDate,
    Name,
    Kana,
    BirthDate,
    Sex,
    Address,
    HouseholdNumber,
    Relationship,
    Categories,
    Route,
    ReferringAgency,
    LeadAgency,
    Consent,
    ConsentDate,
    PlanApprovals,
    PlanKind,
    ClosedOn,
    ClosureKind,
    Note,
}

/// <summary>The template's heading of each field, whether it is required, and the other names ledgers give it.</summary>
public static class LedgerFields
{
    public sealed record Definition(LedgerField Field, string Heading, bool Required, string Help, params string[] Variants);

    public static readonly IReadOnlyList<Definition> All =
    [
        new(LedgerField.LedgerNumber, "台帳番号", true, "ケースを見分ける番号。再取り込みではこの番号で同じケースを更新します。", "管理番号", "ケース番号", "番号", "No", "No.", "相談番号", "整理番号"),
        new(LedgerField.IntakeDate, "受付日", true, "和暦・西暦・Excelの日付。", "相談受付日", "相談日", "受付年月日", "初回相談日"),
        new(LedgerField.Name, "氏名", true, "氏と名の間に空白。", "本人氏名", "名前", "相談者氏名", "対象者氏名"),
        new(LedgerField.Kana, "ふりがな", true, "氏と名の間に空白。ひらがな・カタカナ（世帯員にはフリガナが要ります）。", "フリガナ", "よみがな", "カナ氏名", "氏名カナ"),
        new(LedgerField.BirthDate, "生年月日", false, "和暦・西暦。", "誕生日"),
        new(LedgerField.Sex, "性別", false, "男・女（男性・女性、M・F）、その他、不明。空欄は未記録。", "男女"),
        new(LedgerField.Address, "住所", false, "", "所在地", "居住地"),
        new(LedgerField.HouseholdNumber, "世帯番号", false, "同じ世帯番号の行は同じ世帯になります。", "世帯No", "世帯ID"),
        new(LedgerField.Relationship, "続柄", false, "本人・配偶者・子など。空欄は本人。", "本人との続柄"),
        new(LedgerField.Categories, "相談分類", true, "複数は「、」で区切ります。", "分類", "相談内容分類", "主訴", "課題"),
        new(LedgerField.Route, "相談経路", false, "空欄は、紹介元機関があれば「関係機関からのつなぎ」、なければ「窓口」。", "経路", "受付経路", "相談方法"),
        new(LedgerField.ReferringAgency, "紹介元機関", false, "登録済みの機関名。", "つなぎ元", "つなぎ元機関", "紹介元", "相談元機関"),
        new(LedgerField.LeadAgency, "主担当機関", false, "登録済みの機関名。", "主担当", "担当機関"),
        new(LedgerField.Consent, "本人同意", false, "あり・なし・撤回。", "同意", "同意の有無", "情報共有の同意"),
        new(LedgerField.ConsentDate, "同意日", false, "空欄は受付日。", "同意年月日"),
        new(LedgerField.PlanApprovals, "プラン承認日", false, "複数は「、」で区切ります（1日が1版）。", "プラン作成日", "プラン決定日", "会議承認日"),
        new(LedgerField.PlanKind, "プラン種別", false, "支援プラン・世帯丸ごと支援プラン。空欄は本人同意による。", "プランの種類"),
        new(LedgerField.ClosedOn, "終結日", false, "", "終結年月日", "終了日"),
        new(LedgerField.ClosureKind, "終結区分", false, "終結・包括的相談支援へ戻す。空欄は終結。", "終結理由", "終了区分"),
        new(LedgerField.Note, "備考", false, "相談内容として取り込みます。", "メモ", "相談内容", "概要"),
    ];

    public static Definition Of(LedgerField field) => All[(int)field];
}
