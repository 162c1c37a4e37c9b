using Juso.Domain.Common;

namespace Juso.Portal.Common;

public enum SaveStatus
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>What a save did: saved (with the new id and version), refused with messages, a concurrent edit, or nothing to save.</summary>
public sealed record SaveResult(SaveStatus Status, int Id, int Version, IReadOnlyList<DomainError> Errors)
{
    public const string ConflictMessage = "他の人が先にこの内容を更新しました。最新の内容を読み込んでから、もう一度変更してください。";

    public bool Succeeded => Status == SaveStatus.Saved;

    public static SaveResult Saved(int id, int version) => new(SaveStatus.Saved, id, version, []);

    public static SaveResult Invalid(IReadOnlyList<DomainError> errors) => new(SaveStatus.Invalid, 0, 0, errors);

    public static SaveResult Invalid(string message, string? field = null) => Invalid([new DomainError(field, message)]);

    public static SaveResult Conflict() => new(SaveStatus.Conflict, 0, 0, [new DomainError(null, ConflictMessage)]);

    public static SaveResult NotFound() => new(SaveStatus.NotFound, 0, 0, [new DomainError(null, "対象が見つからないか、閲覧する権限がありません。")]);
}
