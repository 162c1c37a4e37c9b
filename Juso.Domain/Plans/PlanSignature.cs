using System.Security.Cryptography;
using Juso.Domain.Common;

namespace Juso.Domain.Plans;

/// <summary>How the person signed the printed plan.</summary>
public enum SignatureMethod
{
    InPerson,
    HomeVisit,
    Mail,
    Proxy,
}

/// <summary>
/// 署名用に印刷した支援プラン: the exact PDF handed to the person for signature, kept byte for byte with its
/// SHA-256, and later the record that it was signed (when, by whom, how) with an optional scanned copy.
/// Nothing here changes after signing: a later change to the plan is a new plan version and a new print.
/// </summary>
public class PlanSignature : AggregateRoot
{
    public const int SignerMaxLength = 50;
    public const int NoteMaxLength = 500;
    public const int FileNameMaxLength = 200;
    public const int MaxScanBytes = 10 * 1024 * 1024;
    public const string PdfContentType = "application/pdf";

    protected PlanSignature()
    {
        Sha256 = string.Empty;
        Pdf = [];
        PrintedByUserId = string.Empty;
        PrintedByName = string.Empty;
    }

    public int SupportPlanId { get; private set; }

    public int SupportCaseId { get; private set; }

    /// <summary>第N版: the plan version that was printed.</summary>
    public int PlanVersion { get; private set; }

    /// <summary>The plan row's concurrency version at printing: tells whether the plan changed after this print.</summary>
    public int PlanRowVersion { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/>.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The PDF exactly as it was printed for signature.</summary>
    public byte[] Pdf { get; private set; }

    public DateTime PrintedAt { get; private set; }

    public string PrintedByUserId { get; private set; }

    public string PrintedByName { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    /// <summary>Who signed (本人, or the proxy's name and relation).</summary>
    public string? SignedBy { get; private set; }

    public SignatureMethod? Method { get; private set; }

    public string? Note { get; private set; }

    public DateTime? RecordedAt { get; private set; }

    public string? RecordedByUserId { get; private set; }

    public string? RecordedByName { get; private set; }

    public string? ScanFileName { get; private set; }

    public string? ScanContentType { get; private set; }

    public byte[]? Scan { get; private set; }

    public bool IsSigned => SignedOn is not null;

    /// <summary>Keeps <paramref name="pdf"/> as the copy handed out for signature; refuses a plan that may not be signed.</summary>
    public static PlanSignature PrintForSignature(SupportPlan plan, byte[] pdf, Actor printedBy, DateTimeOffset now)
    {
        EnsureMayBeSigned(plan);
        if (pdf.Length == 0)
        {
            throw new DomainException("印刷するPDFが空です。");
        }
        var print = new PlanSignature
        {
            SupportPlanId = plan.Id,
            SupportCaseId = plan.SupportCaseId,
            PlanVersion = plan.PlanVersion,
            PlanRowVersion = plan.Version,
            Pdf = pdf.ToArray(),
            Sha256 = HashOf(pdf),
            PrintedAt = now.UtcDateTime,
            PrintedByUserId = printedBy.UserId,
            PrintedByName = printedBy.Name,
        };
        print.MarkCreated(now);
        return print;
    }

    /// <summary>Refuses a 世帯丸ごと支援プラン (internal, never handed out) and a plan not in force, before anything is printed.</summary>
    public static void EnsureMayBeSigned(SupportPlan plan)
    {
        if (plan.IsInternalOnly)
        {
            throw new DomainException("世帯丸ごと支援プランは内部資料のため、署名用に印刷できません（取扱注意・本人交付不可）。");
        }
        if (!plan.CanBePrintedForSignature)
        {
            throw new DomainException($"署名用に印刷できるのは承認済みまたは実施中の支援プランだけです（このプランは「{plan.Status.Label()}」です）。");
        }
    }

    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>署名済み: recorded once; the date is neither before the print nor in the future.</summary>
    public void MarkSigned(DateOnly? signedOn, string? signedBy, SignatureMethod? method, string? note, Actor recordedBy, DateTimeOffset now)
    {
        if (IsSigned)
        {
            throw new DomainException($"この印刷は既に署名済みとして記録されています（{SignedOn:yyyy/MM/dd}、{SignedBy}）。");
        }
        var printedOn = JapanDate.Today(new DateTimeOffset(PrintedAt, TimeSpan.Zero));
        new RuleCheck()
            .Require(signedOn is not null, nameof(SignedOn), "署名日を入力してください。")
            .Require(signedOn is null || signedOn <= JapanDate.Today(now), nameof(SignedOn), "署名日に未来の日付は入力できません。")
            .Require(signedOn is null || signedOn >= printedOn, nameof(SignedOn), $"署名日は印刷日（{printedOn:yyyy/MM/dd}）以降の日付を入力してください。")
            .RequireText(signedBy, nameof(SignedBy), "署名した人", SignerMaxLength)
            .Require(method is { } m && Enum.IsDefined(m), nameof(Method), "署名の方法を選択してください。")
            .OptionalText(note, nameof(Note), "備考", NoteMaxLength)
            .ThrowIfAny();
        SignedOn = signedOn;
        SignedBy = signedBy!.Trim();
        Method = method;
        Note = RuleCheck.Clean(note);
        RecordedAt = now.UtcDateTime;
        RecordedByUserId = recordedBy.UserId;
        RecordedByName = recordedBy.Name;
        Touch(now);
    }

    /// <summary>The scanned signed copy (PDF, JPEG or PNG, told by its content, up to 10 MB). Replaces an earlier scan.</summary>
    public void AttachScan(string? fileName, byte[] content, DateTimeOffset now)
    {
        if (!IsSigned)
        {
            throw new DomainException("署名済みとして記録してから、署名済みの写しを添付してください。", nameof(Scan));
        }
        var contentType = SniffContentType(content);
        new RuleCheck()
            .Require(content.Length > 0, nameof(Scan), "ファイルが空です。")
            .Require(content.Length <= MaxScanBytes, nameof(Scan), $"ファイルは{MaxScanBytes / 1024 / 1024}MBまでです（{content.Length / 1024.0 / 1024.0:0.0}MB）。")
            .Require(content.Length == 0 || contentType is not null, nameof(Scan), "添付できるのはPDF・JPEG・PNGのファイルだけです。")
            .ThrowIfAny();
        ScanContentType = contentType;
        ScanFileName = ScanFileNameFor(fileName, contentType!);
        Scan = content.ToArray();
        Touch(now);
    }

    /// <summary>
    /// The uploaded name's stem with the extension of the sniffed type: a PDF uploaded as evil.html is kept and served
    /// as evil.pdf, so that a browser or a colleague's viewer never opens it as what the name claims.
    /// </summary>
    public static string ScanFileNameFor(string? uploadedName, string contentType)
    {
        var extension = contentType switch
        {
            PdfContentType => ".pdf",
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "not a scan type"),
        };
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(RuleCheck.Clean(uploadedName) ?? string.Empty)).Trim();
        if (stem.Length == 0)
        {
            stem = "signed-copy";
        }
        var room = FileNameMaxLength - extension.Length;
        return (stem.Length > room ? stem[^room..] : stem) + extension;
    }

    /// <summary>The type by the file's first bytes, not by its name: PDF, JPEG or PNG, otherwise null.</summary>
    public static string? SniffContentType(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => PdfContentType,
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => null,
    };
}
