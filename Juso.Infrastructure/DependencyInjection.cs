using Juso.Infrastructure.Messaging;
using Juso.Infrastructure.Persistence;
using Juso.Infrastructure.Persistence.Backup;
using Juso.Infrastructure.Persistence.Interceptors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Juso.Infrastructure;

public static class DependencyInjection
{
    public const string DataProtectionApplicationName = "Juso";

    /// <summary>
    /// Registers the database for the configured provider: SQLite (the embedded default, a file under
    /// <paramref name="dataDirectory"/>) or SQL Server (ConnectionStrings:Juso required).
    /// </summary>
    public static IServiceCollection AddJusoInfrastructure(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<VersionInterceptor>();
        services.AddSingleton<ReportYearCache>();
        services.AddSingleton<ReportChangeInterceptor>();

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            var connectionString = configuration.GetConnectionString("Juso")
                ?? throw new InvalidOperationException("Database:Provider=SqlServer には ConnectionStrings:Juso の設定が必要です。");
            services.AddDbContextFactory<SqlServerJusoDbContext>((sp, o) => o
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                .AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<ReportChangeInterceptor>()));
            services.AddSingleton<IDbContextFactory<JusoDbContext>, UpcastFactory<SqlServerJusoDbContext>>();
            services.AddSingleton(sp => new SqliteBackup(null, BackupFolder(configuration, dataDirectory), sp.GetRequiredService<ILogger<SqliteBackup>>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(configuration.GetConnectionString("Sqlite"), dataDirectory);
            services.AddDbContextFactory<SqliteJusoDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<ReportChangeInterceptor>()));
            services.AddSingleton<IDbContextFactory<JusoDbContext>, UpcastFactory<SqliteJusoDbContext>>();
            services.AddSingleton(sp => new SqliteBackup(connectionString, BackupFolder(configuration, dataDirectory), sp.GetRequiredService<ILogger<SqliteBackup>>()));
        }

        // Identity's stores need a scoped context; everything else opens one per operation from the factory.
        services.AddScoped<JusoDbContext>(sp => sp.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseInitializer>();
        // Keys in the shared database and one application name: a cookie or antiforgery token issued by one
        // instance is read by every other (docs/adr/0010-production-pipeline-and-scale-out.md).
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<JusoDbContext>();
        AddMail(services, configuration, dataDirectory);
        return services;
    }

    /// <summary>SMTP (MailKit) when Mail:Smtp:Host is set; otherwise .eml files in Mail:Folder under the data folder.</summary>
    private static void AddMail(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(mail);
        if (!string.IsNullOrWhiteSpace(mail.Smtp.Host))
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            var folder = Path.GetFullPath(mail.Folder, dataDirectory);
            services.AddSingleton<IMailSender>(sp => new FolderMailSender(folder, mail, sp.GetRequiredService<TimeProvider>()));
        }
    }

    /// <summary>Backup:Folder, relative to the data folder (default backups/).</summary>
    private static string BackupFolder(IConfiguration configuration, string dataDirectory) =>
        Path.GetFullPath((configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions()).Folder, dataDirectory);

    /// <summary>The configured SQLite connection, or a file in the data folder; a relative path is taken from that folder.</summary>
    public static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=juso.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(dataDirectory, builder.DataSource);
        }
        // Concurrent saves wait for the writer instead of failing with "database is locked".
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<JusoDbContext>
        where TContext : JusoDbContext
    {
        public JusoDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
