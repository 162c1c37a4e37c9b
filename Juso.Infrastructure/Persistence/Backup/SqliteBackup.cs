using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Juso.Infrastructure.Persistence.Backup;

/// <summary>The "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups are written; a relative path is taken from the data folder.</summary>
    public string Folder { get; set; } = "backups";
}

/// <summary>A backup refused or failed, with a message an administrator can act on.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>manifest.json of one backup folder: when it was taken and every file with its size and SHA-256.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string? LastMigration, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";

    public long TotalBytes => Files.Sum(f => f.Bytes);
}

public sealed record BackupEntry(string Name, string Folder, BackupManifest Manifest);

/// <summary>
/// Online backup of the embedded SQLite database (docs/adr/0012-online-backup.md): SQLite's backup API copies a
/// consistent snapshot while the portal keeps saving (WAL: the copy reads, writers go on), into a folder named after
/// the time with a manifest of sizes and SHA-256. The signed-plan scans are rows of that database (PlanSignatures.Scan),
/// so they are in the copy. Restore checks every hash before it replaces anything, and refuses while the portal runs.
/// </summary>
public sealed class SqliteBackup(string? connectionString, string folder, ILogger<SqliteBackup> logger)
{
    public const string DatabaseFileName = "juso.db";
    private const string PartialPrefix = ".partial-";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>False beside SQL Server, whose backups are the database administrator's (BACKUP DATABASE).</summary>
    public bool IsAvailable => connectionString is not null;

    public string Folder => folder;

    /// <summary>The database file this portal uses (null beside SQL Server).</summary>
    public string? DatabasePath => connectionString is null ? null : Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Copies the live database into a new folder under <see cref="Folder"/>; the folder appears only once complete.</summary>
    public async Task<BackupEntry> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var source = connectionString ?? throw new BackupException("SQL Server のバックアップはデータベース管理者が行います（BACKUP DATABASE）。");
        if (!File.Exists(DatabasePath))
        {
            throw new BackupException($"データベース {DatabasePath} がありません。");
        }
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(folder);
            var partial = Path.Combine(folder, PartialPrefix + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(partial);
            try
            {
                var copy = Path.Combine(partial, DatabaseFileName);
                // The backup API is synchronous; it holds one read transaction for the whole copy, so saves go on meanwhile.
                var lastMigration = await Task.Run(() => Copy(source, copy), cancellationToken);
                var manifest = new BackupManifest(1, now, lastMigration, [await DescribeAsync(partial, DatabaseFileName, cancellationToken)]);
                await File.WriteAllTextAsync(Path.Combine(partial, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json), cancellationToken);
                var name = FreeName(now);
                Directory.Move(partial, Path.Combine(folder, name));
                logger.LogInformation("Backup {Name} written: {Bytes} bytes", name, manifest.TotalBytes);
                return new BackupEntry(name, Path.Combine(folder, name), manifest);
            }
            catch
            {
                Directory.Delete(partial, recursive: true);
                throw;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The complete backups, newest first; a folder without a readable manifest is not a backup.</summary>
    public IReadOnlyList<BackupEntry> List()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var entries = new List<BackupEntry>();
        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(directory);
            if (name.StartsWith(PartialPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                entries.Add(new BackupEntry(name, directory, ReadManifest(directory)));
            }
            catch (BackupException ex)
            {
                logger.LogWarning("Skipping {Folder}: {Reason}", directory, ex.Message);
            }
        }
        return entries.OrderByDescending(e => e.Manifest.CreatedAt).ToList();
    }

    /// <summary>Every file of the manifest exists with its size and SHA-256; otherwise a message naming the first that does not.</summary>
    public static async Task<BackupManifest> VerifyAsync(string backupFolder, CancellationToken cancellationToken = default)
    {
        var manifest = ReadManifest(backupFolder);
        if (!manifest.Files.Any(f => f.Path == DatabaseFileName))
        {
            throw new BackupException($"{backupFolder} のマニフェストにデータベース（{DatabaseFileName}）がありません。");
        }
        foreach (var file in manifest.Files)
        {
            var actual = await DescribeAsync(backupFolder, file.Path, cancellationToken);
            if (actual.Bytes != file.Bytes || actual.Sha256 != file.Sha256)
            {
                throw new BackupException($"{file.Path} がマニフェストと一致しません（サイズ {actual.Bytes} / {file.Bytes}、SHA-256 {actual.Sha256} / {file.Sha256}）。バックアップが壊れているか、変更されています。");
            }
        }
        return manifest;
    }

    /// <summary>
    /// Replaces this portal's database by the backup in <paramref name="backupFolder"/>, after checking its hashes and
    /// that no process has the database open. The replaced files are kept beside it in replaced-&lt;time&gt;/ (database,
    /// WAL and shared memory together, so they still belong to each other); returns that folder, if anything was replaced.
    /// </summary>
    public async Task<string?> RestoreAsync(string backupFolder, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var databasePath = DatabasePath ?? throw new BackupException("SQL Server の復元はデータベース管理者が行います（RESTORE DATABASE）。");
        var manifest = await VerifyAsync(backupFolder, cancellationToken);
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        Directory.CreateDirectory(directory);
        if (File.Exists(databasePath))
        {
            EnsureNotInUse(databasePath);
        }
        var incoming = databasePath + ".restoring";
        File.Copy(Path.Combine(backupFolder, DatabaseFileName), incoming, overwrite: true);
        await using (var stream = new FileStream(incoming, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Flush(flushToDisk: true);
        }
        if ((await DescribeAsync(directory, Path.GetFileName(incoming), cancellationToken)).Sha256 != manifest.Files.Single(f => f.Path == DatabaseFileName).Sha256)
        {
            File.Delete(incoming);
            throw new BackupException("復元先へのコピーがバックアップと一致しません。ディスクの空きと状態を確認してください。");
        }

        string? replaced = null;
        if (File.Exists(databasePath))
        {
            replaced = Path.Combine(directory, "replaced-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'"));
            Directory.CreateDirectory(replaced);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(databasePath + suffix))
                {
                    File.Move(databasePath + suffix, Path.Combine(replaced, Path.GetFileName(databasePath) + suffix));
                }
            }
        }
        File.Move(incoming, databasePath);
        return replaced;
    }

    private static string? Copy(string sourceConnectionString, string target)
    {
        using (var source = new SqliteConnection(sourceConnectionString))
        using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }
        using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        if (command.ExecuteScalar() as string != "ok")
        {
            throw new BackupException("バックアップのコピーが整合性検査（PRAGMA integrity_check）に通りませんでした。");
        }
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;";
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// SQLite leaves WAL mode only when no other connection has the database open, so switching the file being replaced
    /// to DELETE mode tells whether a portal still runs on it (refused then, instead of pulling the file from under
    /// it); when it succeeds, the WAL is checkpointed and the replaced copy is whole in one file. The portal always runs
    /// the file in WAL mode (DatabaseInitializer), so a file already in another mode was not open in a portal.
    /// </summary>
    private static void EnsureNotInUse(string databasePath)
    {
        // Microsoft.Data.Sqlite retries a busy database until the command timeout (0 would be forever): one second.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 1 }.ToString());
        string? mode;
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            mode = command.ExecuteScalar() as string;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            mode = null;
        }
        if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"{databasePath} は使用中です。ポータルを停止してから復元してください。");
        }
    }

    private static BackupManifest ReadManifest(string backupFolder)
    {
        var path = Path.Combine(backupFolder, BackupManifest.FileName);
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json)
                   ?? throw new BackupException($"{path} が空です。");
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new BackupException($"{path} を読めません: {ex.Message}", ex);
        }
    }

    private static async Task<BackupFile> DescribeAsync(string directory, string relativePath, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, relativePath);
        if (!File.Exists(path))
        {
            throw new BackupException($"{path} がありません。");
        }
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new BackupFile(relativePath, stream.Length, Convert.ToHexStringLower(hash));
    }

    private string FreeName(DateTimeOffset now)
    {
        var name = "juso-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");
        var candidate = name;
        for (var n = 2; Directory.Exists(Path.Combine(folder, candidate)); n++)
        {
            candidate = $"{name}-{n}";
        }
        return candidate;
    }
}
