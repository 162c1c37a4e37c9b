using System.Security;
using System.Text;

namespace Juso.Portal.Features.Documents;

/// <summary>
/// The font documents are printed in: IPAexGothic derived without radical mappings (<see cref="PrintFontDerivation"/>),
/// written once per process to <see cref="DocumentOptions.FontDirectory"/> with a fontconfig file that adds that folder
/// to the system's fonts. Chromium is launched with FONTCONFIG_FILE set to it. When the font cannot be made, printing
/// goes on with the installed fonts (exact only for readers that apply /ActualText) and a warning is logged.
/// </summary>
public sealed class PrintFont
{
    public const string Family = "Juso Print Gothic";
    private const string SourceFamily = "IPAexGothic";

    private readonly Lazy<string?> _fontConfigFile;

    public PrintFont(DocumentOptions options, ILogger<PrintFont> logger) =>
        _fontConfigFile = new(() => Create(options.FontDirectory, logger));

    /// <summary>The fontconfig file for Chromium, or null to print with the system's fonts as they are.</summary>
    public string? FontConfigFile => _fontConfigFile.Value;

    private static string? Create(string folder, ILogger logger)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            var source = JapaneseFontProbe.FontConfigList($"{SourceFamily}:fontformat=TrueType", "--format=%{file}\\n")?
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
                ?? throw new FileNotFoundException($"{SourceFamily} is not installed");
            Directory.CreateDirectory(folder);
            WriteIfChanged(Path.Combine(folder, "juso-print-gothic.ttf"), PrintFontDerivation.Derive(File.ReadAllBytes(source), Family));
            // The cache directory last: a writable place for the folder's cache when the service user has no home.
            var config = $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>{SecurityElement.Escape(folder)}</dir>
                  <cachedir>{SecurityElement.Escape(Path.Combine(folder, "cache"))}</cachedir>
                </fontconfig>
                """;
            var file = Path.Combine(folder, "fonts.conf");
            WriteIfChanged(file, Encoding.UTF8.GetBytes(config));
            logger.LogInformation("Print font {Family} derived from {Source} into {Folder}", Family, source, folder);
            return file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            logger.LogWarning(ex, "Could not derive the print font from {Family}; printing with the installed fonts, whose kanji a reader ignoring /ActualText may extract as radicals", SourceFamily);
            return null;
        }
    }

    // Several processes may share the folder: an unchanged file is left alone (fontconfig's cache stays valid), a changed one is replaced whole.
    private static void WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return;
        }
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
