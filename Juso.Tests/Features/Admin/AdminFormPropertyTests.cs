using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Admin;
using Juso.Tests.Support;
using static Juso.Tests.Support.FormEdits;

namespace Juso.Tests.Features.Admin;

/// <summary>Hostile input through the administrator's forms into the real services on SQLite: saved, or refused with nothing half-saved.</summary>
public sealed class AdminFormPropertyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private Agency _agency = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _agency = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task CreateAgency_HostileAgencyForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var input = AnyOf(
            Set<AgencyForm, string?>("Name", Hostile.Text, (f, v) => f.Name = v),
            Set<AgencyForm, AgencyField?>("Field", Hostile.OptionalEnum<AgencyField>(), (f, v) => f.Field = v),
            Set<AgencyForm, AgencyOperation?>("Operation", Hostile.OptionalEnum<AgencyOperation>(), (f, v) => f.Operation = v),
            Set<AgencyForm, string?>("Contact", Hostile.Text, (f, v) => f.Contact = v));
        var outcomes = new FormProperties.Outcomes();
        var serial = 0;

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Administrator());
            var agencies = _harness.Get<AgencyAdminService>(scope);
            var form = edits.ApplyTo(new AgencyForm { Name = $"相談機関{++serial}", Field = AgencyField.Other, Operation = AgencyOperation.Direct });
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => agencies.CreateAsync(form)));
            await agencies.ListAsync();
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task UpdateAgency_HostileAgencyForm_SavesOrRefusesWithNothingHalfSaved()
    {
        await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly); // a name the update may not take
        var input = AnyOf(
            Set<AgencyForm, string?>("Name", Hostile.Text, (f, v) => f.Name = v),
            Set<AgencyForm, string?>("Name", Gen.Constant<string?>("東部地域包括支援センター"), (f, v) => f.Name = v),
            Set<AgencyForm, AgencyField?>("Field", Hostile.OptionalEnum<AgencyField>(), (f, v) => f.Field = v),
            Set<AgencyForm, AgencyOperation?>("Operation", Hostile.OptionalEnum<AgencyOperation>(), (f, v) => f.Operation = v),
            Set<AgencyForm, string?>("Contact", Hostile.Text, (f, v) => f.Contact = v));
        var outcomes = new FormProperties.Outcomes();
        var serial = 0;

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Administrator());
            var agencies = _harness.Get<AgencyAdminService>(scope);
            var current = (await agencies.ListAsync()).Single(a => a.Id == _agency.Id);
            var form = edits.ApplyTo(new AgencyForm { Name = $"くらしサポートセンター{++serial}", Field = current.Field, Operation = current.Operation, Contact = current.Contact });
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => agencies.UpdateAsync(_agency.Id, current.Version, form)));
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task ResetPassword_HostilePassword_SavesOrRefusesWithNothingHalfSaved()
    {
        await using (var setup = _harness.As(TestUsers.Administrator()))
        {
            CaseSteps.Ok(await _harness.Get<UserAdminService>(setup).CreateAsync(new UserForm
            {
                UserName = "yamada", DisplayName = "山田 花子", Roles = [JusoRoles.Coordinator], Password = "hibarino-test-2026",
            }));
        }
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(Gen.Frequency((1, Gen.Constant<string?>("hibarino-reset-2026")), (4, Hostile.Text)), async password =>
        {
            await using var scope = _harness.As(TestUsers.Administrator());
            var users = _harness.Get<UserAdminService>(scope);
            var userId = (await users.ListAsync()).Single(u => u.UserName == "yamada").Id;
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => users.ResetPasswordAsync(userId, password)));
        }, cases: 60);
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task CreateStaff_HostileStaffForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var input =
            from agencyId in Hostile.Id(_agency.Id, _agency.Id)
            from edits in AnyOf(
                Set<StaffForm, string?>("Name", Hostile.Text, (f, v) => f.Name = v),
                Set<StaffForm, string?>("Kana", Hostile.Text, (f, v) => f.Kana = v),
                Set<StaffForm, string?>("Title", Hostile.Text, (f, v) => f.Title = v))
            select (AgencyId: agencyId ?? 0, Edits: edits);
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async value =>
        {
            await using var scope = _harness.As(TestUsers.Administrator());
            var agencies = _harness.Get<AgencyAdminService>(scope);
            var form = value.Edits.ApplyTo(new StaffForm { Name = "山田 花子", Kana = "ヤマダ ハナコ", Title = "相談員" });
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => agencies.CreateStaffAsync(value.AgencyId, form)));
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task CreateUser_HostileUserForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var roles = Hostile.List(Gen.Elements([.. JusoRoles.All, "Root", "", "administrator", "\ud800"]), 6).Select(r => r.ToHashSet());
        var input = AnyOf(
            Set<UserForm, string?>("UserName", Hostile.Text, (f, v) => f.UserName = v),
            Set<UserForm, string?>("DisplayName", Hostile.Text, (f, v) => f.DisplayName = v),
            Set<UserForm, string?>("Email", Hostile.Text, (f, v) => f.Email = v),
            Set<UserForm, HashSet<string>>("Roles", roles, (f, v) => f.Roles = v),
            Set<UserForm, int?>("StaffId", Hostile.Id(), (f, v) => f.StaffId = v),
            Set<UserForm, string?>("Password", Hostile.Text, (f, v) => f.Password = v));
        var outcomes = new FormProperties.Outcomes();
        var serial = 0;

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Administrator());
            var users = _harness.Get<UserAdminService>(scope);
            var form = edits.ApplyTo(new UserForm
            {
                UserName = $"user{++serial}", DisplayName = "山田 花子", Roles = [JusoRoles.Coordinator], Password = "hibarino-test-2026",
            });
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => users.CreateAsync(form)));
            await users.ListAsync();
        }, cases: 100);
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task SaveReminderSettings_HostileForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var input = AnyOf(
            Set<ReminderSettingsForm, int?>("DueSoonDays", Hostile.Number.Select(n => (int?)n), (f, v) => f.DueSoonDays = v),
            Set<ReminderSettingsForm, int?>("EscalationGraceDays", Hostile.Number.Select(n => (int?)n), (f, v) => f.EscalationGraceDays = v),
            Set<ReminderSettingsForm, string?>("MeetingReminderDays", Hostile.Text, (f, v) => f.MeetingReminderDays = v),
            Set<ReminderSettingsForm, int?>("DigestThreshold", Hostile.Number.Select(n => (int?)n), (f, v) => f.DigestThreshold = v),
            Set<ReminderSettingsForm, bool>("OverdueEnabled", Hostile.Bool, (f, v) => f.OverdueEnabled = v),
            Set<ReminderSettingsForm, TimeSpan?>("OverdueRunAt", Hostile.TimeOfDay, (f, v) => f.OverdueRunAt = v),
            Set<ReminderSettingsForm, TimeSpan?>("DigestRunAt", Hostile.TimeOfDay, (f, v) => f.DigestRunAt = v));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Administrator());
            var settings = _harness.Get<ReminderSettingsService>(scope);
            var form = edits.ApplyTo(await settings.GetAsync());
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => settings.SaveAsync(form)));
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task SearchAuditLog_HostileSearch_FindsWithoutThrowing()
    {
        var input =
            from userName in Hostile.Text
            from action in Hostile.OptionalEnum<AuditAction>()
            from caseNumber in Hostile.Text
            from fromDate in Hostile.Date
            from toDate in Hostile.Date
            from page in Hostile.Number
            select (Search: new AuditSearch(userName, action, caseNumber, fromDate, toDate), Page: page);

        await FormProperties.CheckAsync(input, async value =>
        {
            await using var scope = _harness.As(TestUsers.Administrator());
            var found = await _harness.Get<AuditLogService>(scope).SearchAsync(value.Search, value.Page, 50);
            Assert.True(found.Items.Count <= 50);
        });
    }

    [Fact]
    public async Task CreateUser_EmailWithLoneSurrogate_IsRefusedInsteadOfThrowing()
    {
        // Regression: Identity's normalizer threw ArgumentException on half of a surrogate pair in the address.
        await using var scope = _harness.As(TestUsers.Administrator());
        var form = new UserForm { UserName = "yamada", DisplayName = "山田 花子", Email = "\ud800@example.jp", Roles = [JusoRoles.Coordinator], Password = "hibarino-test-2026" };

        var result = await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<UserAdminService>(scope).CreateAsync(form));

        Assert.Equal(nameof(UserForm.Email), Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task SaveReminderSettings_RunAtOfOneWholeDay_IsRefusedInsteadOfThrowing()
    {
        // Regression: TimeOnly.FromTimeSpan threw on a run time of 24:00 or more.
        await using var scope = _harness.As(TestUsers.Administrator());
        var settings = _harness.Get<ReminderSettingsService>(scope);
        var form = await settings.GetAsync();
        form.OverdueRunAt = TimeSpan.FromDays(1);

        var result = await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => settings.SaveAsync(form));

        Assert.Equal(nameof(ReminderSettingsForm.OverdueRunAt), Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task SearchAuditLog_FromFirstToLastDayOfCalendar_FindsInsteadOfThrowing()
    {
        // Regression: the first day in Japan time has no UTC instant, and the day after the last one does not exist.
        await using var scope = _harness.As(TestUsers.Administrator());
        await _harness.Get<AgencyAdminService>(scope).CreateAsync(new AgencyForm { Name = "記録のための機関", Field = AgencyField.Other, Operation = AgencyOperation.Direct });

        var found = await _harness.Get<AuditLogService>(scope).SearchAsync(new AuditSearch(From: DateTime.MinValue, To: DateTime.MaxValue), 0, 50);

        Assert.NotEmpty(found.Items);
    }

    [Fact]
    public async Task CreateUser_UnknownStaffId_IsRefusedInsteadOfFailingTheForeignKey()
    {
        // Regression: a staff id that no select offers reached the INSERT and its DbUpdateException escaped.
        await using var scope = _harness.As(TestUsers.Administrator());
        var form = new UserForm { UserName = "yamada", DisplayName = "山田 花子", Roles = [JusoRoles.Coordinator], StaffId = -1, Password = "hibarino-test-2026" };

        var result = await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<UserAdminService>(scope).CreateAsync(form));

        Assert.Equal(nameof(UserForm.StaffId), Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task CreateUser_PasswordWithLoneSurrogate_IsRefusedInsteadOfThrowing()
    {
        // Regression: the password hasher encodes strict UTF-8 and threw EncoderFallbackException on a lone surrogate.
        await using var scope = _harness.As(TestUsers.Administrator());
        var form = new UserForm { UserName = "yamada", DisplayName = "山田 花子", Roles = [JusoRoles.Coordinator], Password = "hibarino-\udc00-2026" };

        var result = await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<UserAdminService>(scope).CreateAsync(form));

        Assert.Equal(nameof(UserForm.Password), Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task CreateUser_EmailWithNoncharacterFFFE_IsRefusedInsteadOfThrowing()
    {
        // Regression: normalization also rejects the noncharacter U+FFFE, which a check for lone surrogates alone let through to Identity.
        await using var scope = _harness.As(TestUsers.Administrator());
        var form = new UserForm { UserName = "yamada", DisplayName = "山田 花子", Email = "yamada\ufffe@example.jp", Roles = [JusoRoles.Coordinator], Password = "hibarino-test-2026" };

        var result = await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<UserAdminService>(scope).CreateAsync(form));

        Assert.Equal(nameof(UserForm.Email), Assert.Single(result.Errors).Field);
    }
}
