using System.Data.Common;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Cases;
using Juso.Portal.Hosting;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juso.Tests.Infrastructure;

/// <summary>
/// SQLite under a retrying execution strategy, as SQL Server runs with EnableRetryOnFailure: every explicit
/// transaction goes through <see cref="Transactions.InTransactionAsync{T}(DbContext, Func{CancellationToken, Task{T}}, Func{T, bool}, CancellationToken)"/>,
/// and a transient failure inside one is retried as a whole, leaving each change exactly once.
/// </summary>
public sealed class TransactionsTests : IAsyncLifetime
{
    private readonly FailOnce _failure = new();
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync(configure: services =>
        services.ConfigureDbContext<SqliteJusoDbContext>((_, options) => options
            .UseSqlite(sqlite => sqlite.ExecutionStrategy(dependencies => new RetryingStrategy(dependencies)))
            .AddInterceptors(_failure), ServiceLifetime.Singleton));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task BeginTransaction_OutsideTheStrategy_IsRefused_AsSqlServerRefusesIt()
    {
        await using var db = _harness.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Agencies.CountAsync());
    }

    [Fact]
    public async Task OpenCase_TransientFailureAfterTheHouseholdWasSaved_IsRetried_AndSavesOneHouseholdAndOneCase()
    {
        _failure.On("INSERT INTO \"Cases\"");
        await using var scope = _harness.As(TestUsers.Coordinator());

        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid());

        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.Equal(1, _failure.Failures);
        await using var db = _harness.NewContext();
        Assert.Equal(1, await db.Households.CountAsync());
        var saved = await db.Cases.SingleAsync();
        Assert.Equal("2026-0001", saved.Number);
        Assert.Equal(saved.HouseholdId, (await db.Households.SingleAsync()).Id);
    }

    [Fact]
    public async Task CreateAndUpdateUser_TransientFailureOnTheRoles_AreRetried_AndTheRolesAreSavedOnce()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var admin = _harness.Get<UserAdminService>(scope);
        _failure.On("INSERT INTO \"AspNetUserRoles\"");

        var created = await admin.CreateAsync(new UserForm { UserName = "chair2", DisplayName = "議長", Roles = [JusoRoles.Chair], Password = "a quiet river in spring" });

        Assert.Equal(SaveStatus.Saved, created.Status);
        Assert.Equal(1, _failure.Failures);
        var user = (await admin.ListAsync()).Single(u => u.UserName == "chair2");
        _failure.On("INSERT INTO \"AspNetUserRoles\"");
        var updated = await admin.UpdateAsync(user.Id, new UserForm
        {
            UserName = "chair2", DisplayName = "議長（兼務）", Roles = [JusoRoles.Chair, JusoRoles.Supervisor], ConcurrencyStamp = user.ConcurrencyStamp,
        });

        Assert.Equal(SaveStatus.Saved, updated.Status);
        Assert.Equal(2, _failure.Failures);
        await using var db = _harness.NewContext();
        var stored = await db.Users.SingleAsync(u => u.UserName == "chair2");
        Assert.Equal("議長（兼務）", stored.DisplayName);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == stored.Id select r.Name).ToListAsync();
        Assert.Equal([JusoRoles.Chair, JusoRoles.Supervisor], roles.Order());
    }

    [Fact]
    public async Task AdministratorBootstrap_TransientFailureOnTheRole_IsRetried_AndCreatesOneAdministrator()
    {
        _failure.On("INSERT INTO \"AspNetUserRoles\"");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bootstrap:AdministratorUserName"] = "first.admin",
            ["Bootstrap:AdministratorPassword"] = "a quiet river in spring",
        }).Build();
        await using (var scope = _harness.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<AdministratorBootstrap>(scope.ServiceProvider, NullLogger<AdministratorBootstrap>.Instance).RunAsync(configuration);
        }

        Assert.Equal(1, _failure.Failures);
        await using var db = _harness.NewContext();
        var admin = await db.Users.SingleAsync();
        Assert.Equal("first.admin", admin.UserName);
        Assert.Equal(1, await db.UserRoles.CountAsync(ur => ur.UserId == admin.Id));
    }

    /// <summary>Retries only the test's own transient failure, at once (no delay).</summary>
    private sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is TransientFailure;
    }

    private sealed class TransientFailure() : Exception("a transient failure, as a dropped connection would be");

    /// <summary>Fails the next command that starts with a given text, once, as a network blip would.</summary>
    private sealed class FailOnce : DbCommandInterceptor
    {
        private string? _prefix;

        public int Failures { get; private set; }

        public void On(string prefix) => _prefix = prefix;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            if (_prefix is { } prefix && command.CommandText.TrimStart().StartsWith(prefix, StringComparison.Ordinal))
            {
                _prefix = null;
                Failures++;
                throw new TransientFailure();
            }
        }
    }
}
