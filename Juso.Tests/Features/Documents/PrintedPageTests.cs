using Juso.Domain.Plans;
using Juso.Portal.Features.Documents;
using Juso.Tests.Support;

namespace Juso.Tests.Features.Documents;

/// <summary>What a clerk holding one printed page sees: which plan, which copy, and dates as a municipal reader writes them.</summary>
[Collection(DocumentCollection.Name)]
public sealed class PrintedPageTests(RendererFixture fixture)
{
    [Fact]
    public async Task Plan_EveryPage_NamesItsPlanVersionAndPerson_SoASeparatedPageIsTraceable()
    {
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan(assignments: 24));

        var pages = PdfText.Pages(pdf).Select(PdfText.Compact).ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        // Page 2 holds only assignments and the like: its header still says whose plan it is.
        Assert.Contains("プラン番号2026-0012-02第2版山田一郎", pages[1]);
        Assert.DoesNotContain("長期目標", pages[1]);
        Assert.All(pages, page => Assert.Contains("プラン番号2026-0012-02第2版山田一郎", page));
    }

    [Fact]
    public async Task Plan_CopyAndSignaturePrints_SaySoOnEveryPage()
    {
        var reference = DocumentSamples.TwoPagePlan(assignments: 24);

        var copyPages = PdfText.Pages(await fixture.Renderer.RenderPdfAsync(reference));
        var signaturePages = PdfText.Pages(await fixture.Renderer.RenderPdfAsync(reference with { Copy = PlanCopy.ForSignature }));

        Assert.True(copyPages.Count >= 3 && signaturePages.Count >= 3);
        Assert.All(copyPages, page =>
        {
            Assert.Contains("控え", page);
            Assert.DoesNotContain("署名用", page);
        });
        Assert.All(signaturePages, page =>
        {
            Assert.Contains("署名用", page);
            Assert.DoesNotContain("控え", page);
        });
    }

    [Fact]
    public async Task Plan_DatesOnPaper_AreWarekiOnly_OneCalendarPerField_AndKatakanaIsHeadedフリガナ()
    {
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan());

        var pages = PdfText.Pages(pdf).Select(PdfText.Compact).ToList();
        var text = string.Concat(pages);
        Assert.Contains("承認日令和8年11月20日（金）", text);
        Assert.Contains("計画開始日令和8年11月23日（月）", text);
        Assert.Contains("承認の記録令和8年度第5回重層的支援会議", text);
        Assert.Contains("令和8年11月23日～令和9年3月31日", text);
        Assert.Contains("次回予定日：令和9年1月22日（金）", text);
        Assert.Contains("本人署名令和年月日", text);
        Assert.Contains("署名令和年月日", pages[^1]);
        Assert.All(pages, page => Assert.Contains("印刷日時令和8年11月23日（月）10:00", page));
        Assert.Contains("氏名フリガナ続柄", text);
        Assert.DoesNotContain("ふりがな", text, StringComparison.Ordinal);
        AssertNoSeirekiDates(text);
        Assert.All(pages, AssertNoNestedBrackets);
    }

    [Fact]
    public async Task AgendaAndMinutes_DatesOnPaper_AreWarekiOnly_WithoutASecondCalendarInBrackets()
    {
        var agenda = string.Concat(PdfText.Pages(await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwelveCaseAgenda())).Select(PdfText.Compact));
        var minutes = string.Concat(PdfText.Pages(await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwelveCaseMinutes())).Select(PdfText.Compact));

        Assert.Contains("開催日時令和8年12月4日（金）13:30～15:30", agenda);
        Assert.Contains("令和8年11月30日（月）", agenda);
        Assert.Contains("承認令和8年12月4日（金）16:00議長承認", minutes);
        Assert.Contains("令和8年12月18日（金）", minutes);
        AssertNoSeirekiDates(agenda);
        AssertNoSeirekiDates(minutes);
    }

    private static void AssertNoSeirekiDates(string text) =>
        Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"20\d\d/\d\d?/\d\d?"), $"a 西暦 date on paper: {text}");

    private static void AssertNoNestedBrackets(string page)
    {
        var depth = 0;
        foreach (var c in page)
        {
            depth += c == '（' ? 1 : c == '）' ? -1 : 0;
            Assert.True(depth <= 1, $"nested brackets: {page}");
        }
    }
}
