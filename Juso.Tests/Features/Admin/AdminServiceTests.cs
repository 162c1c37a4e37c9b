using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Features.Admin;

public sealed class AdminServiceTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task CreateUser_CommonPassword_IsRefusedOnThePasswordField_AndNoUserIsLeft()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var result = await _harness.Get<UserAdminService>(scope).CreateAsync(new UserForm
        {
            UserName = "tanaka", DisplayName = "田中", Roles = [JusoRoles.Coordinator], Password = "password12345",
        });

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(UserForm.Password), error.Field);
        Assert.Contains("よく使われる", error.Message);
        await using var db = _harness.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "tanaka"));
    }

    [Fact]
    public async Task CreateUser_AgencyMemberWithoutStaffLink_IsRefused()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var result = await _harness.Get<UserAdminService>(scope).CreateAsync(new UserForm
        {
            UserName = "member", DisplayName = "職員", Roles = [JusoRoles.AgencyMember], Password = "a quiet river in spring",
        });

        Assert.Equal(nameof(UserForm.StaffId), Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task DisableUser_EndsTheirSessions_AndIsAudited()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var users = _harness.Get<UserAdminService>(scope);
        await users.CreateAsync(new UserForm { UserName = "chair2", DisplayName = "議長", Roles = [JusoRoles.Chair], Password = "a quiet river in spring" });
        var created = (await users.ListAsync()).Single(u => u.UserName == "chair2");
        var sessions = _harness.Services.GetRequiredService<SessionStore>();
        var session = await sessions.StartAsync(created.Id, null);

        var result = await users.SetActiveAsync(created.Id, active: false);

        Assert.True(result.Succeeded);
        Assert.Equal(SessionState.Ended, await sessions.CheckAsync(session, created.Id, new SessionUse(null)));
        Assert.False((await users.ListAsync()).Single(u => u.UserName == "chair2").IsActive);
        await using var db = _harness.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.UserDisabled && a.Detail == "chair2"));
    }

    [Fact]
    public async Task AdminServices_CalledByNonAdministrator_AreRefused()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());

        await Assert.ThrowsAsync<AccessDeniedException>(() => _harness.Get<UserAdminService>(scope).ListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => _harness.Get<AgencyAdminService>(scope).CreateAsync(new AgencyForm { Name = "x", Field = AgencyField.Other, Operation = AgencyOperation.Direct }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _harness.Get<AuditLogService>(scope).SearchAsync(new AuditSearch(), 0, 10));
    }

    [Fact]
    public async Task Agency_DuplicateName_AndStaleVersion_AreRefused()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var agencies = _harness.Get<AgencyAdminService>(scope);
        var form = new AgencyForm { Name = "基幹相談支援センター", Field = AgencyField.Disability, Operation = AgencyOperation.Contracted };
        var created = await agencies.CreateAsync(form);

        var duplicate = await agencies.CreateAsync(form);
        var renamed = await agencies.UpdateAsync(created.Id, created.Version, new AgencyForm { Name = "基幹相談支援センター東", Field = AgencyField.Disability, Operation = AgencyOperation.Contracted });
        var stale = await agencies.SetActiveAsync(created.Id, created.Version, active: false);

        Assert.Contains("既に登録されています", Assert.Single(duplicate.Errors).Message);
        Assert.True(renamed.Succeeded);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.True((await agencies.ListAsync()).Single().IsActive);
    }

    [Fact]
    public async Task Agency_MissingFieldAndOperation_GetJapaneseMessages()
    {
        await using var scope = _harness.As(TestUsers.Administrator());

        var result = await _harness.Get<AgencyAdminService>(scope).CreateAsync(new AgencyForm { Name = "" });

        Assert.Equal(["Name", "Field", "Operation"], result.Errors.Select(e => e.Field));
        Assert.Equal("機関名を入力してください。", result.Errors[0].Message);
    }

    [Fact]
    public async Task UpdateUser_TwoAdministratorsFromTheSameList_SecondIsAConflict()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var users = _harness.Get<UserAdminService>(scope);
        await users.CreateAsync(new UserForm { UserName = "sato", DisplayName = "佐藤", Roles = [JusoRoles.Chair], Password = "a quiet river in spring" });
        var seen = (await users.ListAsync()).Single(u => u.UserName == "sato");

        var first = await users.UpdateAsync(seen.Id, new UserForm { UserName = "sato", DisplayName = "佐藤 一", Roles = [JusoRoles.Chair], ConcurrencyStamp = seen.ConcurrencyStamp });
        var second = await users.UpdateAsync(seen.Id, new UserForm { UserName = "sato", DisplayName = "佐藤 二", Roles = [JusoRoles.Supervisor], ConcurrencyStamp = seen.ConcurrencyStamp });

        Assert.True(first.Succeeded);
        Assert.Equal(SaveStatus.Conflict, second.Status);
        var now = (await users.ListAsync()).Single(u => u.UserName == "sato");
        Assert.Equal("佐藤 一", now.DisplayName);
        Assert.Equal([JusoRoles.Chair], now.Roles);
    }

    [Fact]
    public async Task SuspendedAgency_MakesItsMembersAccountsUnusable()
    {
        var agency = await _harness.AddAgencyAsync("西部地域包括支援センター", AgencyField.Elderly);
        int staffId;
        await using (var db = _harness.NewContext())
        {
            var staff = Staff.Create(agency, "松田 隆", "マツダ タカシ", null, _harness.Time.GetUtcNow());
            db.Staff.Add(staff);
            await db.SaveChangesAsync();
            staffId = staff.Id;
        }
        await using var scope = _harness.As(TestUsers.Administrator());
        await _harness.Get<UserAdminService>(scope).CreateAsync(new UserForm { UserName = "matsuda", DisplayName = "松田", Roles = [JusoRoles.AgencyMember], StaffId = staffId, Password = "a quiet river in spring" });
        var factory = _harness.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Juso.Infrastructure.Persistence.JusoDbContext>>();
        var user = await _harness.NewContext().Users.SingleAsync(u => u.UserName == "matsuda");
        Assert.Null(await Juso.Portal.Security.AccountStatus.UnusableReasonAsync(user, factory));

        var listed = (await _harness.Get<AgencyAdminService>(scope).ListAsync()).Single(a => a.Id == agency.Id);
        await _harness.Get<AgencyAdminService>(scope).SetActiveAsync(agency.Id, listed.Version, active: false);

        Assert.Equal("所属機関が休止されました", await Juso.Portal.Security.AccountStatus.UnusableReasonAsync(user, factory));
    }
}
