namespace Juso.Portal.Common;

/// <summary>A feature service was called by a user whose role does not allow it (pages hide such calls; this is the real check).</summary>
public sealed class AccessDeniedException() : Exception("この操作を行う権限がありません。");
