using Juso.Domain.Plans;

namespace Juso.Portal.Features.Documents;

public sealed record PlanSignatureView(int Id, int Version, int PlanVersion, string Sha256, int PdfBytes, DateTime PrintedAt, string PrintedBy,
    bool ChangedSincePrint, DateOnly? SignedOn, string? SignedBy, SignatureMethod? Method, string? Note, string? RecordedBy, string? ScanFileName);

/// <summary>What the plan print page shows: the document, its HTML (the preview), whether it may go out for signature, the prints so far.</summary>
public sealed record PlanPrintView(int CaseId, int PlanId, PlanDocumentModel Document, string Html, string? NotForSignature, bool CanManage,
    IReadOnlyList<PlanSignatureView> Signatures);

/// <summary>A printed file for download, or the Japanese reason there is none.</summary>
public sealed record PrintedFile(byte[]? Content, string FileName, string ContentType, string? Error, int? SignatureId = null)
{
    public const string NotFound = "対象が見つからないか、閲覧する権限がありません。";

    public static PrintedFile Failed(string error) => new(null, string.Empty, string.Empty, error);
}

public sealed class SignatureForm
{
    public DateTime? SignedOn { get; set; }

    public string? SignedBy { get; set; }

    public SignatureMethod? Method { get; set; }

    public string? Note { get; set; }

    public string? ScanFileName { get; set; }

    public byte[]? Scan { get; set; }
}
