using Juso.Domain.Auditing;
using Juso.Infrastructure.Persistence.Backup;
using Juso.Portal.Common;

namespace Juso.Portal.Features.Admin;

public sealed record BackupRow(string Name, DateTime CreatedAt, long Bytes, string DatabaseSha256);

/// <summary>What the page shows: whether backups are taken here, where, and the backups found there.</summary>
public sealed record BackupOverview(bool IsAvailable, string Folder, IReadOnlyList<BackupRow> Backups);

/// <summary>バックアップ (administrators): an online backup of the embedded database, audited, and the list of backups.</summary>
public sealed class BackupService(SqliteBackup backup, CurrentUser currentUser, AuditLog audit, TimeProvider time, ILogger<BackupService> logger)
{
    public async Task<BackupOverview> GetAsync()
    {
        await currentUser.RequireAdministratorAsync();
        return new BackupOverview(backup.IsAvailable, backup.Folder, backup.List().Select(Row).ToList());
    }

    /// <summary>Runs a backup now; the result names the new backup or says why none was written.</summary>
    public async Task<(BackupRow? Created, string? Error)> RunAsync()
    {
        var user = await currentUser.RequireAdministratorAsync();
        try
        {
            var entry = await backup.CreateAsync(time.GetUtcNow());
            // Written after the copy, so the backup's own audit row is in the live database only.
            await audit.WriteAsync(user, AuditAction.BackupCreated, detail: $"{entry.Name}（{entry.Manifest.TotalBytes:N0} バイト）");
            return (Row(entry), null);
        }
        catch (BackupException ex)
        {
            return (null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogError(ex, "Backup failed");
            return (null, $"バックアップを作成できませんでした（{backup.Folder}）。保存先の空き容量と書き込み権限を確認してください。");
        }
    }

    private static BackupRow Row(BackupEntry entry) =>
        new(entry.Name, entry.Manifest.CreatedAt.UtcDateTime, entry.Manifest.TotalBytes, entry.Manifest.Files.First(f => f.Path == SqliteBackup.DatabaseFileName).Sha256);
}
