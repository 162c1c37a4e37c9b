using System.Globalization;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Plans;

namespace Juso.Domain.Ledger;

/// <summary>How a ledger writes each kind of value: dates (和暦, 西暦, Excel serials), choices by their Japanese words, ○ marks.</summary>
public static class LedgerValues
{
    private static readonly string[] ExcelErrors = ["#REF!", "#VALUE!", "#N/A", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];
    private static readonly string[] Marks = ["○", "〇", "◯", "●", "◎", "1", "✓", "✔", "レ", "有", "あり", "TRUE", "true"];
    private static readonly string[] Blanks = ["", "×", "✕", "0", "-", "ー", "―", "無", "なし", "FALSE", "false"];

    /// <summary>A cell Excel shows as an error (a formula that broke): the message says so.</summary>
    public static string? ExcelError(string text) =>
        ExcelErrors.FirstOrDefault(e => text.Trim().Equals(e, StringComparison.OrdinalIgnoreCase)) is { } error
            ? $"セルがエラー（{error}）になっています。Excelで数式を直すか、値に置き換えてから取り込んでください。"
            : null;

    /// <summary>A date in any form a ledger holds; an Excel serial (e.g. 45383) only as 5 digits, so 20240401 stays a date.</summary>
    public static bool TryDate(string text, out DateOnly date, out string error)
    {
        var value = LedgerText.Normalize(text);
        if (value.Length is >= 4 and <= 5 && value.All(char.IsAsciiDigit) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            // Excel's serial numbers (1900 date system); 1900/3/1 onwards, which every date here is.
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            error = string.Empty;
            return true;
        }
        return JapaneseDateParser.TryParse(value, out date, out error);
    }

    public static bool? Mark(string text)
    {
        var value = LedgerText.Normalize(text);
        return Marks.Contains(value) ? true : Blanks.Contains(value) ? false : null;
    }

    public static IntakeRoute? Route(string text) => LedgerText.Key(text) switch
    {
        "窓口" or "来所" or "来庁" => IntakeRoute.Counter,
        "電話" => IntakeRoute.Phone,
        "訪問" or "家庭訪問" => IntakeRoute.Visit,
        "関係機関からのつなぎ" or "関係機関" or "つなぎ" or "紹介" or "関係機関から" => IntakeRoute.AgencyReferral,
        "民生委員・地域から" or "民生委員" or "地域" or "地域から" or "近隣" => IntakeRoute.Community,
        "アウトリーチ" => IntakeRoute.Outreach,
        "困窮相談振分会議" or "振分会議" or "振分会議より" or "生活困窮者振分会議" or "生活困窮者振分会議より" => IntakeRoute.TriageMeeting,
        var other => Enum.GetValues<IntakeRoute>().Cast<IntakeRoute?>().FirstOrDefault(r => LedgerText.Key(r!.Value.Label()) == other),
    };

    public static ConsentStatus? Consent(string text) => LedgerText.Key(text) switch
    {
        "あり" or "有" or "同意あり" or "済" or "○" => ConsentStatus.Obtained,
        "なし" or "無" or "同意なし" or "未" or "×" => ConsentStatus.NotObtained,
        "撤回" or "同意撤回" => ConsentStatus.Withdrawn,
        _ => null,
    };

    public static Relationship? Relationship(string text)
    {
        var key = LedgerText.Key(text);
        return key switch
        {
            "" or "本人" => Households.Relationship.Principal,
            "妻" or "夫" => Households.Relationship.Spouse,
            "長男" or "長女" or "次男" or "次女" or "二男" or "二女" or "三男" or "三女" or "息子" or "娘" => Households.Relationship.Child,
            "父" or "母" or "親" => Households.Relationship.Parent,
            "兄" or "弟" or "姉" or "妹" => Households.Relationship.Sibling,
            "祖父" or "祖母" => Households.Relationship.Grandparent,
            "同居人" => Households.Relationship.NonRelative,
            _ => Enum.GetValues<Relationship>().Cast<Relationship?>().FirstOrDefault(r => LedgerText.Key(r!.Value.Label()) == key),
        };
    }

    /// <summary>性別 as ledgers write it: 男/女, 男性/女性, M/F and the labels.</summary>
    public static Sex? Sex(string text) => LedgerText.Key(text).ToUpperInvariant() switch
    {
        "男" or "男性" or "M" or "MALE" => Households.Sex.Male,
        "女" or "女性" or "F" or "FEMALE" => Households.Sex.Female,
        "不明" or "未回答" or "不明・未回答" => Households.Sex.Unknown,
        "その他" => Households.Sex.Other,
        _ => null,
    };

    public static PlanKind? PlanKind(string text) => LedgerText.Key(text) switch
    {
        "支援プラン" or "プラン" => Plans.PlanKind.WithConsent,
        "世帯丸ごと支援プラン" or "世帯丸ごと" => Plans.PlanKind.WholeHousehold,
        _ => null,
    };

    /// <summary>終結 or 包括的相談支援へ戻す (true).</summary>
    public static bool? HandedBack(string text) => LedgerText.Key(text) switch
    {
        "" or "終結" => false,
        var key when key.Contains("戻") => true,
        _ => null,
    };

    public static string Labels<T>(IEnumerable<T> values, Func<T, string> label) => string.Join("・", values.Select(label));
}
