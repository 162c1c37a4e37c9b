using Juso.Portal.Hosting;

if (await MaintenanceCommands.RunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddJusoPortal();

var app = builder.Build();
await app.PrepareDatabaseAsync();
await app.UseJusoPortalAsync();
app.Run();
return 0;

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
