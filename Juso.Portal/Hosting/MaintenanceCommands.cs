using Juso.Infrastructure;
using Juso.Infrastructure.Persistence.Backup;

namespace Juso.Portal.Hosting;

/// <summary>
/// Operator commands that run instead of the portal, with the portal's own configuration (appsettings, environment,
/// the remaining command-line settings): <c>--backup</c> writes an online backup (the portal may be running);
/// <c>--restore &lt;folder&gt;</c> checks a backup's hashes and puts it in place of the database (the portal must be stopped).
/// </summary>
public static class MaintenanceCommands
{
    /// <summary>The exit code of the command in <paramref name="args"/>, or null when the portal should start.</summary>
    public static async Task<int?> RunAsync(string[] args)
    {
        var backup = Array.IndexOf(args, "--backup");
        var restore = Array.IndexOf(args, "--restore");
        if (backup < 0 && restore < 0)
        {
            return null;
        }
        if (restore >= 0 && restore + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("使い方: Juso.Portal --restore <バックアップのフォルダー>");
            return 2;
        }
        var settings = args.Where((_, i) => i != backup && i != restore && i != restore + 1).ToArray();
        var builder = WebApplication.CreateBuilder(settings);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole())
            .AddJusoInfrastructure(builder.Configuration, PortalServices.DataDirectory(builder.Configuration, builder.Environment.ContentRootPath));
        await using var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<SqliteBackup>();
        try
        {
            if (backup >= 0)
            {
                var entry = await database.CreateAsync(TimeProvider.System.GetUtcNow());
                Console.WriteLine(entry.Folder);
            }
            else
            {
                var replaced = await database.RestoreAsync(Path.GetFullPath(args[restore + 1]), TimeProvider.System.GetUtcNow());
                Console.WriteLine($"{args[restore + 1]} を {database.DatabasePath} に復元しました。" + (replaced is null ? "" : $"置き換えたファイルは {replaced} にあります。"));
            }
            return 0;
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
