using System.Diagnostics;

namespace Juso.Portal.Features.Documents;

/// <summary>
/// Whether this machine can print Japanese: the configured Chromium exists and a Japanese font is installed
/// (fontconfig's <c>fc-list :lang=ja</c>; on Windows the bundled Yu Gothic / Meiryo / MS Gothic files).
/// </summary>
public sealed class JapaneseFontProbe(DocumentOptions options)
{
    /// <summary>A Japanese message saying what is missing, or null when printing can work.</summary>
    public string? Problem()
    {
        if (!File.Exists(options.ChromiumPath))
        {
            return $"PDFを作成できません。Chromium（{options.ChromiumPath}）が見つかりません。システム管理者に連絡してください（設定 Documents:ChromiumPath、Debian では chromium パッケージ）。";
        }
        if (!HasJapaneseFont())
        {
            return "PDFを作成できません。日本語フォントがインストールされていないため、文字化けしたPDFにならないよう印刷を止めています。システム管理者に連絡してください（Debian では fonts-noto-cjk パッケージ）。";
        }
        return null;
    }

    private static bool HasJapaneseFont()
    {
        if (OperatingSystem.IsWindows())
        {
            var fonts = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
            return new[] { "YuGothR.ttc", "meiryo.ttc", "msgothic.ttc" }.Any(f => File.Exists(Path.Combine(fonts, f)));
        }
        return FontConfigList(":lang=ja", "family") is { } families && families.Trim().Length > 0;
    }

    /// <summary>What <c>fc-list</c> prints for these arguments, or null without fontconfig (Chromium on Linux finds no fonts without it either).</summary>
    internal static string? FontConfigList(params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-list", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5_000);
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
