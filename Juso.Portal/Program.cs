using Juso.Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddJusoPortal();

var app = builder.Build();
await app.PrepareDatabaseAsync();
await app.UseJusoPortalAsync();
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
