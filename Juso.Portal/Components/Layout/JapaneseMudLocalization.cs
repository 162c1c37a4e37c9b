using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Juso.Portal.Components.Layout;

/// <summary>Japanese for the texts MudBlazor's own components show or read out (buttons, pager, pickers).</summary>
public sealed class JapaneseMudLocalization(ILoggerFactory loggerFactory, MudLocalizer localizer)
    : DefaultLocalizationInterceptor(loggerFactory, localizer)
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["MudAlert_Close"] = "閉じる",
        ["MudChip_Close"] = "削除",
        ["MudDialog_Close"] = "閉じる",
        ["MudSnackbar_Close"] = "閉じる",
        ["MudInput_Clear"] = "クリア",
        ["MudSelect_SelectAll"] = "すべて選択",
        ["MudBaseDatePicker_Open"] = "カレンダーを開く",
        ["MudBaseDatePicker_PrevYear"] = "前の年",
        ["MudBaseDatePicker_NextYear"] = "次の年",
        ["MudBaseDatePicker_PrevMonth"] = "前の月",
        ["MudBaseDatePicker_NextMonth"] = "次の月",
        ["MudPagination_FirstPage"] = "最初のページ",
        ["MudPagination_PreviousPage"] = "前のページ",
        ["MudPagination_NextPage"] = "次のページ",
        ["MudPagination_LastPage"] = "最後のページ",
        ["MudPagination_CurrentPage"] = "{0}ページ目（表示中）",
        ["MudPagination_PageIndex"] = "{0}ページ目",
        ["MudTabs_CloseTab"] = "タブを閉じる",
        ["MudTable_SelectRow"] = "行を選択",
        ["MudTable_SelectAllRows"] = "すべての行を選択",
    };

    public override LocalizedString Handle(string key, params object[] arguments) =>
        Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text, arguments))
            : base.Handle(key, arguments);
}
