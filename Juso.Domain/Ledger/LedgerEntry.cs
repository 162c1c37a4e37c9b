using Juso.Domain.Common;

namespace Juso.Domain.Ledger;

/// <summary>
/// A case that came from a ledger (台帳): its 台帳番号, the file and row it was last read from, and the digest of that
/// row's values. A re-import finds the case by the number: an unchanged digest is skipped, a changed one updates.
/// </summary>
public class LedgerEntry : AggregateRoot
{
    public const int FileNameMaxLength = 200;

    protected LedgerEntry()
    {
        Number = string.Empty;
        FileName = string.Empty;
        Fingerprint = string.Empty;
    }

    /// <summary>The 台帳番号 as compared (<see cref="LedgerText.Key"/>).</summary>
    public string Number { get; private set; }

    public int SupportCaseId { get; private set; }

    /// <summary>The household member the row describes.</summary>
    public int MemberId { get; private set; }

    public string FileName { get; private set; }

    public int Row { get; private set; }

    public string Fingerprint { get; private set; }

    /// <summary>"file.xlsx 12行目", for the case's timeline and the audit log.</summary>
    public static string Source(string fileName, int row) => $"{fileName} {row}行目";

    public static LedgerEntry Record(string number, int supportCaseId, int memberId, string fileName, int row, string fingerprint, DateTimeOffset now)
    {
        var entry = new LedgerEntry
        {
            Number = LedgerText.Key(number),
            SupportCaseId = supportCaseId,
            MemberId = memberId,
            FileName = Shorten(fileName),
            Row = row,
            Fingerprint = fingerprint,
        };
        entry.MarkCreated(now);
        return entry;
    }

    /// <summary>The row was read again from <paramref name="fileName"/>, with the values of <paramref name="fingerprint"/>.</summary>
    public void Refresh(string fileName, int row, string fingerprint, DateTimeOffset now)
    {
        FileName = Shorten(fileName);
        Row = row;
        Fingerprint = fingerprint;
        Touch(now);
    }

    private static string Shorten(string fileName) => fileName.Length <= FileNameMaxLength ? fileName : fileName[..FileNameMaxLength];
}
