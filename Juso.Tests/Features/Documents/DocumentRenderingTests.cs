using System.Diagnostics;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Portal.Features.Documents;
using Juso.Tests.Support;

namespace Juso.Tests.Features.Documents;

/// <summary>What a reader of the printed PDFs would notice: exact Japanese text, page numbers, marks, headers, line breaking, size.</summary>
[Collection(DocumentCollection.Name)]
public sealed class DocumentRenderingTests(RendererFixture fixture)
{
    [Fact]
    public async Task Plan_TwoPages_TextExtractsExactly_WithPageNumbersPrintDateAndSmallSize()
    {
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan());

        var pages = PdfText.Pages(pdf);
        Assert.Equal(2, pages.Count);
        var all = string.Concat(pages);
        Assert.False(PdfText.HasRadicals(all), "kanji came out as radicals");
        Assert.Contains("支援プラン", pages[0]);
        Assert.Contains("ひばり野市", pages[0]);
        Assert.Contains("2026-0012-02（第2版）", pages[0]);
        Assert.Contains("本人山田一郎フリガナヤマダイチロウ", PdfText.Compact(pages[0]));
        Assert.Contains("長期目標", pages[0]);
        Assert.Contains("主担当機関", all);
        Assert.Contains("参加支援利用する", PdfText.Compact(all));
        Assert.Contains("アウトリーチ利用する（継続的支援）", PdfText.Compact(all));
        Assert.Contains("60日ごとに見直します", all);
        Assert.Contains("内容に同意します", all);
        Assert.Contains("本人署名", PdfText.Compact(pages[1]));
        Assert.Contains("相談支援包括化推進員（コーディネーター）署名", PdfText.Compact(pages[1]));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"{i + 1}/2", PdfText.Compact(pages[i]));
            Assert.Contains("印刷日時令和8年11月23日（月）10:00", PdfText.Compact(pages[i]));
            Assert.DoesNotContain("取扱注意", pages[i]);
        }
        Assert.True(pdf.Length <= 300 * 1024, $"two-page plan is {pdf.Length / 1024} KB");
        await PdfScreenshots.SaveFirstPageAsync(pdf, "document-plan");
    }

    [Fact]
    public async Task Plan_KanjiThatShareAGlyphWithARadical_ExtractExactly_EvenForAReaderIgnoringActualText()
    {
        // Measured: every character the installed font draws with the glyph of a radical or another look-alike.
        var font = PrintFontDerivation.ReadCmap(File.ReadAllBytes(PrintFontTests.IpaexGothicFile()));
        var shadowed = string.Concat(font.GroupBy(e => e.Value)
            .Where(glyph => glyph.Any(e => PrintFontDerivation.Rank(e.Key) == 2))
            .SelectMany(glyph => glyph.Where(e => PrintFontDerivation.Rank(e.Key) == 0 && e.Key <= 0xFFFF).Take(1))
            .Select(e => (char)e.Key)
            .Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains('支', shadowed);
        Assert.Contains('～', shadowed);
        var words = new[] { "重層的支援体制", "世帯", "相談支援", "生活困窮", "長男", "見守り", "食事", "高齢", "言語", "金銭", "2026/11/23～2027/03/31" };
        var plan = DocumentSamples.TwoPagePlan() with
        {
            Goals = [new("長期目標", string.Join("、", words) + "。"), new("短期目標", shadowed)],
        };

        var pdf = await fixture.Renderer.RenderPdfAsync(plan);

        var text = PdfText.Compact(PdfText.RawText(pdf));
        Assert.All(words, word => Assert.Contains(word, text));
        Assert.All(shadowed, kanji => Assert.Contains(kanji, text));
        Assert.Contains("重層的支援会議", text);
        Assert.False(PdfText.HasRadicals(text), $"radicals in the text layer: {string.Concat(text.Where(c => PdfText.HasRadicals(c.ToString())))}");
        Assert.True(pdf.Length <= 300 * 1024, $"plan is {pdf.Length / 1024} KB");
    }

    [Fact]
    public async Task Plan_LongAssignmentTable_RepeatsItsHeaderOnTheNextPage_AndNoRowIsSplit()
    {
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan(assignments: 30));

        var lines = PdfText.Lines(pdf);
        Assert.True(lines.Count >= 3, $"{lines.Count} pages");
        for (var page = 1; page < lines.Count - 1; page++)
        {
            // The table continues on this page: its header row is printed again above the rows.
            var header = lines[page].ToList().IndexOf("役割（支援内容）");
            var firstRow = lines[page].ToList().FindIndex(l => l.StartsWith("支援内容", StringComparison.Ordinal));
            Assert.True(header >= 0, $"page {page + 1} has no table header: {string.Join(" | ", lines[page].Take(12))}");
            Assert.True(firstRow > header, $"page {page + 1}: header must come before the rows");
        }
        // Every assignment's cell starts on the page where its row is (break-inside: avoid keeps rows whole).
        var text = string.Concat(lines.SelectMany(l => l));
        for (var i = 1; i <= 30; i++)
        {
            Assert.Contains($"支援内容{i:D2}：", text);
        }
    }

    [Fact]
    public async Task Plan_JapaneseLineBreaking_NoLineStartsWithClosingPunctuation_OrEndsWithOpening()
    {
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan(assignments: 20));

        var lines = PdfText.Lines(pdf).SelectMany(l => l).ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => PdfText.NotAtLineStart.Contains(l[0]));
        Assert.DoesNotContain(lines, l => PdfText.NotAtLineEnd.Contains(l[^1]));
        // Dates are not split across lines: a period breaks after ～ if anywhere.
        Assert.Contains(lines, l => l.Contains("令和8年11月23日～", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("令和9年3月31日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WholeHouseholdPlan_EveryPageSaysInternalOnly_AndHasNoSignatureLines()
    {
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan(PlanKind.WholeHousehold, assignments: 24));

        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count >= 2);
        Assert.All(pages, page => Assert.Contains("取扱注意・本人交付不可", page));
        Assert.Contains("世帯丸ごと支援プラン", pages[0]);
        Assert.DoesNotContain("署名", string.Concat(pages));
        await PdfScreenshots.SaveFirstPageAsync(pdf, "document-household-plan");
    }

    [Fact]
    public async Task Agenda_TwelveCases_ListsThemInOrderWithTimes_AndMasksNamesOfASupportMeeting()
    {
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwelveCaseAgenda());
        var text = PdfText.Compact(string.Concat(PdfText.Pages(pdf)));
        Assert.Contains("令和8年度第3回重層的支援会議次第", text);
        Assert.Contains("前回の対応事項", text);
        Assert.Contains("家計の状況を確認する（令和8年度第2回重層的支援会議）", text);
        Assert.Contains("議題（12件、計120分）", text);
        Assert.Contains("13:30～15:30", text);
        Assert.Contains("2026-0012", text);
        Assert.Contains("山田12郎", text);
        await PdfScreenshots.SaveFirstPageAsync(pdf, "document-agenda");

        var masked = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwelveCaseAgenda(MeetingKind.Support, masked: true));
        var maskedPages = PdfText.Pages(masked);
        Assert.All(maskedPages, page => Assert.Contains("取扱注意・守秘義務（会議終了後回収）", page));
        var maskedText = PdfText.Compact(string.Concat(maskedPages));
        Assert.Contains("氏名は伏せて記載しています", maskedText);
        Assert.DoesNotContain("郎", maskedText);
    }

    [Fact]
    public async Task Minutes_TwelveCases_HoldEveryDecisionAndAssignment_WithRepeatedTableHeadersAndTheMarkOnEveryPage()
    {
        var minutes = DocumentSamples.TwelveCaseMinutes();

        var pdf = await fixture.Renderer.RenderPdfAsync(minutes);

        var pages = PdfText.Pages(pdf);
        var text = PdfText.Compact(string.Concat(pages));
        Assert.True(pages.Count > 1, $"{pages.Count} page(s)");
        Assert.All(pages, page => Assert.Contains("取扱注意", page));
        Assert.Contains("令和8年度第3回重層的支援会議議事録", text);
        Assert.Contains("令和8年12月4日（金）16:00議長承認", text);
        Assert.All(minutes.Items, item =>
        {
            Assert.Contains(item.CaseNumber, text);
            Assert.Contains(PdfText.Compact(item.Assignments[2].Task), text);
            Assert.Contains(PdfText.Compact(item.ActionItems[0].Text), text);
        });
        Assert.False(PdfText.HasRadicals(text));
        await PdfScreenshots.SaveFirstPageAsync(pdf, "document-minutes");
    }

    [Fact]
    public async Task Preview_IsTheSameHtmlThePdfIsPrintedFrom_SelfContained()
    {
        var document = DocumentSamples.TwoPagePlan();
        var html = await fixture.Renderer.RenderHtmlAsync(document);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("line-break: strict", html);
        Assert.Contains("display: table-header-group", html);
        Assert.Contains("山田\u3000一郎", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Renderer_PageWithAScript_DoesNotRunIt()
    {
        Assert.False(await fixture.Renderer.RunsScriptsForTestAsync());
    }

    [Fact]
    public async Task Renderer_EightAtOnce_EveryPdfIsComplete()
    {
        var tasks = Enumerable.Range(0, 8).Select(_ => fixture.Renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan())).ToList();
        var pdfs = await Task.WhenAll(tasks);
        Assert.All(pdfs, pdf =>
        {
            var pages = PdfText.Pages(pdf);
            Assert.Equal(2, pages.Count);
            Assert.Contains("内容に同意します", string.Concat(pages));
        });
    }

    [Fact]
    public async Task Renderer_BrowserDied_IsLaunchedAgain_AndPrints()
    {
        await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwelveCaseAgenda());
        var launches = fixture.Renderer.Launches;

        await fixture.Renderer.KillBrowserForTestAsync();
        var pdf = await fixture.Renderer.RenderPdfAsync(DocumentSamples.TwelveCaseAgenda());

        Assert.Equal(launches + 1, fixture.Renderer.Launches);
        Assert.Contains("次第", PdfText.Pages(pdf)[0]);
    }

    [Fact]
    public async Task Renderer_PrintFontCannotBeMade_StillPrintsJapaneseWithTheInstalledFont()
    {
        var options = new DocumentOptions { ChromiumPath = fixture.ChromiumPath, FontDirectory = "/dev/null/fonts" };
        await using var html = new DocumentHtml(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var printFont = new PrintFont(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<PrintFont>.Instance);
        await using var renderer = new ChromiumPdfRenderer(html, options, new JapaneseFontProbe(options), printFont,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ChromiumPdfRenderer>.Instance);

        var pdf = await renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan());

        Assert.Null(printFont.FontConfigFile);
        var text = string.Concat(PdfText.Pages(pdf));
        Assert.Contains("支援プラン", text);
        Assert.False(PdfText.HasRadicals(text));
    }

    [Fact]
    public async Task Renderer_MissingChromium_GivesAJapaneseError_NotAPdf()
    {
        var options = new DocumentOptions { ChromiumPath = "/nonexistent/chromium" };
        await using var html = new DocumentHtml(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await using var renderer = new ChromiumPdfRenderer(html, options, new JapaneseFontProbe(options),
            new PrintFont(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<PrintFont>.Instance),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ChromiumPdfRenderer>.Instance);

        var error = await Assert.ThrowsAsync<DocumentUnavailableException>(() => renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan()));
        Assert.Contains("Chromium（/nonexistent/chromium）が見つかりません", error.Message);
        var health = await new DocumentHealthCheck(new JapaneseFontProbe(options)).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext
        {
            Registration = new("documents", _ => null!, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, null),
        });
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, health.Status);
        Assert.Contains("Chromium", health.Description);
    }
}

/// <summary>First page of a PDF as PNG in JUSO_SCREENSHOTS (pdftoppm from poppler-utils), for review in docs/screenshots.</summary>
public static class PdfScreenshots
{
    public static async Task SaveFirstPageAsync(byte[] pdf, string name)
    {
        if (BrowserFixture.ScreenshotFolder is not { } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var input = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(input, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", input, Path.Combine(folder, name)])
                { RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }
        finally
        {
            File.Delete(input);
        }
    }
}
