using System.Collections.Concurrent;
using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence.Backup;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Portal.Hosting;
using Juso.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Infrastructure.Persistence;

/// <summary>Online backup while saves go on, restore by the command line into a fresh folder, and a portal started from it.</summary>
public sealed class SqliteBackupTests
{
    private static readonly byte[] ScanPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public async Task RunAsync_UnderWriteLoad_RestoredPortalHasEveryRowCommittedBeforeTheBackupAndTheScan()
    {
        await using var harness = await PortalHarness.CreateAsync();
        await SeedDemoAsync(harness);
        var signatureId = await SignWithScanAsync(harness);

        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentQueue<string>();
        var writers = Enumerable.Range(1, 4).Select(writer => Task.Run(async () =>
        {
            var audit = harness.Services.GetRequiredService<AuditLog>();
            var user = new UserContext($"u-writer-{writer}", $"書き込み {writer}", new HashSet<string>(), null, null, "192.0.2.20");
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var detail = $"writer-{writer}-{n}";
                await audit.WriteAsync(user, AuditAction.CaseViewed, detail: detail);
                acknowledged.Enqueue(detail);
            }
        })).ToList();
        await Until(() => acknowledged.Count >= 40, "the writers did not get going");

        // Everything acknowledged up to here was committed before the backup started.
        var committedBefore = acknowledged.ToArray();
        BackupRow? created;
        string? error;
        await using (var scope = harness.As(TestUsers.Administrator()))
        {
            (created, error) = await harness.Get<BackupService>(scope).RunAsync();
        }
        var countAtEnd = acknowledged.Count;
        await Until(() => acknowledged.Count > countAtEnd + 8, "saves did not go on after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Null(error);
        Assert.NotNull(created);
        var backupFolder = Path.Combine(harness.Directory, "backups", created.Name);
        var manifest = await SqliteBackup.VerifyAsync(backupFolder);
        Assert.Equal(new FileInfo(Path.Combine(backupFolder, "juso.db")).Length, manifest.Files.Single().Bytes);
        await using (var db = harness.NewContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.BackupCreated && a.Detail!.StartsWith(created.Name)));
        }

        var fresh = PortalProcess.NewDataDirectory();
        try
        {
            var (exitCode, output) = await PortalProcess.RunCommandAsync(fresh, "--restore", backupFolder);
            Assert.True(exitCode == 0, output);

            await using var portal = await PortalProcess.StartAsync(fresh, new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });
            await using var restored = Open(Path.Combine(fresh, "juso.db"));
            Assert.Equal("ok", Scalar(restored, "PRAGMA integrity_check;"));
            var details = Rows(restored, "SELECT Detail FROM AuditEntries WHERE Detail LIKE 'writer-%';").ToHashSet();
            var missing = committedBefore.Where(d => !details.Contains(d)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {committedBefore.Length} rows committed before the backup are missing");
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ScanPng)),
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData((byte[])ScalarObject(restored, $"SELECT Scan FROM PlanSignatures WHERE Id = {signatureId};")!)));

            // The restored portal is running: a second restore over it is refused and changes nothing.
            var hashBefore = Hash(Path.Combine(fresh, "juso.db"));
            var (refusedCode, refusedOutput) = await PortalProcess.RunCommandAsync(fresh, "--restore", backupFolder);
            Assert.Equal(1, refusedCode);
            Assert.Contains("使用中です", refusedOutput);
            Assert.Equal(hashBefore, Hash(Path.Combine(fresh, "juso.db")));
        }
        finally
        {
            PortalProcess.DeleteDirectory(fresh);
        }
    }

    [Fact]
    public async Task Restore_TamperedBackup_IsRefusedAndReplacesNothing()
    {
        await using var harness = await PortalHarness.CreateAsync();
        await harness.AddAgencyAsync("バックアップ確認センター");

        // The command-line backup of a database another process (this harness) has open.
        var (exitCode, output) = await PortalProcess.RunCommandAsync(harness.Directory, "--backup");
        Assert.True(exitCode == 0, output);
        var backupFolder = output.Split('\n').Select(l => l.Trim()).Last(Directory.Exists);
        await SqliteBackup.VerifyAsync(backupFolder);

        var target = PortalProcess.NewDataDirectory();
        try
        {
            Assert.Equal(0, (await PortalProcess.RunCommandAsync(target, "--restore", backupFolder)).ExitCode);
            var restoredHash = Hash(Path.Combine(target, "juso.db"));
            await using (var restored = Open(Path.Combine(target, "juso.db")))
            {
                Assert.Equal("バックアップ確認センター", Scalar(restored, "SELECT Name FROM Agencies;"));
            }
            SqliteConnection.ClearAllPools();

            var database = Path.Combine(backupFolder, "juso.db");
            var bytes = await File.ReadAllBytesAsync(database);
            bytes[^100] ^= 0xFF;
            await File.WriteAllBytesAsync(database, bytes);

            var (refusedCode, refusedOutput) = await PortalProcess.RunCommandAsync(target, "--restore", backupFolder);
            Assert.Equal(1, refusedCode);
            Assert.Contains("マニフェストと一致しません", refusedOutput);
            Assert.Equal(restoredHash, Hash(Path.Combine(target, "juso.db")));
            Assert.Empty(Directory.GetDirectories(target, "replaced-*"));
        }
        finally
        {
            PortalProcess.DeleteDirectory(target);
        }
    }

    [Fact]
    public async Task RunAsync_NotAnAdministrator_IsDeniedAndWritesNothing()
    {
        await using var harness = await PortalHarness.CreateAsync();
        await using var scope = harness.As(TestUsers.Coordinator());

        await Assert.ThrowsAsync<AccessDeniedException>(() => harness.Get<BackupService>(scope).RunAsync());

        Assert.False(Directory.Exists(Path.Combine(harness.Directory, "backups")));
    }

    private static async Task SeedDemoAsync(PortalHarness harness)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();
    }

    private static async Task<int> SignWithScanAsync(PortalHarness harness)
    {
        await using var db = harness.NewContext();
        var plans = await db.Plans.ToListAsync();
        var plan = plans.First(p => p.CanBePrintedForSignature && !p.IsInternalOnly);
        var now = harness.Time.GetUtcNow();
        var actor = new Actor("u-coordinator", "中川 浩二");
        var signature = PlanSignature.PrintForSignature(plan, "%PDF-1.4 printed plan"u8.ToArray(), actor, now);
        signature.MarkSigned(JapanDate.Today(now), "本人", SignatureMethod.InPerson, null, actor, now);
        signature.AttachScan("signed.png", ScanPng, now);
        db.PlanSignatures.Add(signature);
        await db.SaveChangesAsync();
        return signature.Id;
    }

    private static async Task Until(Func<bool> condition, string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, message);
            await Task.Delay(20);
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Scalar(SqliteConnection connection, string sql) => ScalarObject(connection, sql) as string;

    private static object? ScalarObject(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static IEnumerable<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    private static string Hash(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
