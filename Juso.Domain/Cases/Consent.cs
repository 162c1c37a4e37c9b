namespace Juso.Domain.Cases;

/// <summary>本人同意 to share information among agencies.</summary>
public enum ConsentStatus
{
    Obtained,
    NotObtained,
    Withdrawn,
}

/// <summary>How consent was given or withdrawn.</summary>
public enum ConsentMethod
{
    Written,
    Verbal,
    Other,
}

/// <summary>One entry of a case's consent history; entries are never changed or removed.</summary>
public class ConsentRecord : Common.Entity
{
    public const int NoteMaxLength = 500;

    protected ConsentRecord()
    {
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    internal ConsentRecord(ConsentStatus status, DateOnly date, ConsentMethod? method, string? note, Common.Actor actor, DateTimeOffset now)
    {
        Status = status;
        Date = date;
        Method = method;
        Note = note;
        RecordedByUserId = actor.UserId;
        RecordedByName = actor.Name;
        RecordedAt = now.UtcDateTime;
    }

    public int SupportCaseId { get; private set; }

    public ConsentStatus Status { get; private set; }

    public DateOnly Date { get; private set; }

    public ConsentMethod? Method { get; private set; }

    public string? Note { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
