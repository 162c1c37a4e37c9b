using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Juso.Infrastructure.Persistence;

/// <summary>For `dotnet ef` only: builds each provider's context without the portal's host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJusoDbContext>
{
    public SqliteJusoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJusoDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerJusoDbContext>
{
    public SqlServerJusoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerJusoDbContext>().UseSqlServer("Server=localhost;Database=Juso;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
