using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Agencies;
using Juso.Domain.Outreach;
using Juso.Portal.Features.Outreach;
using Juso.Tests.Support;
using static Juso.Tests.Support.FormEdits;

namespace Juso.Tests.Features.Outreach;

/// <summary>Hostile input through the outreach lead form into the real services on SQLite: saved, or refused with nothing half-saved.</summary>
public sealed class LeadFormPropertyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private Agency _agency = default!;
    private Agency _inactive = default!;
    private Staff _worker = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _agency = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        _inactive = await _harness.AddAgencyAsync("旧センター", AgencyField.Other, active: false);
        await using var db = _harness.NewContext();
        db.Attach(_agency);
        _worker = Staff.Create(_agency, "中川 浩二", "なかがわ こうじ", null, _harness.Time.GetUtcNow());
        db.Staff.Add(_worker);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RegisterAndRevise_HostileLeadForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var agencies = new[] { _agency.Id, _inactive.Id };
        var input = AnyOf(
            Set<LeadForm, string?>("Description", Hostile.Text, (f, v) => f.Description = v),
            Set<LeadForm, string?>("Address", Hostile.Text, (f, v) => f.Address = v),
            Set<LeadForm, LeadSource?>("Source", Hostile.OptionalEnum<LeadSource>(), (f, v) => f.Source = v),
            Set<LeadForm, int?>("SourceAgencyId", Hostile.Id(agencies), (f, v) => f.SourceAgencyId = v),
            Set<LeadForm, string?>("SourceNote", Hostile.Text, (f, v) => f.SourceNote = v),
            Set<LeadForm, string?>("Worry", Hostile.Text, (f, v) => f.Worry = v),
            Set<LeadForm, int?>("ResponsibleAgencyId", Hostile.Id(agencies), (f, v) => f.ResponsibleAgencyId = v),
            Set<LeadForm, int?>("OutreachWorkerStaffId", Hostile.Id(_worker.Id), (f, v) => f.OutreachWorkerStaffId = v),
            Set<LeadForm, int?>("ContactEveryDays", Hostile.Number.Select(n => (int?)n), (f, v) => f.ContactEveryDays = v));
        var outcomes = new FormProperties.Outcomes();
        var revisable = 0;

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var leads = _harness.Get<LeadChangeService>(scope);
            var registered = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => leads.RegisterAsync(edits.ApplyTo(ValidForm()))));
            if (registered.Succeeded && revisable == 0)
            {
                revisable = registered.Id;
            }
            if (revisable != 0)
            {
                var version = (await _harness.Get<LeadService>(scope).GetAsync(revisable))!.Version;
                outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => leads.ReviseAsync(revisable, version, edits.ApplyTo(ValidForm()))));
            }
        });
        outcomes.AssertBoth();
    }

    private LeadForm ValidForm() => new()
    {
        Description = "東町の○○さん宅の長男（40代）",
        Address = "ひばり野市東町2丁目8番地",
        Source = LeadSource.CommissionedVolunteer,
        SourceNote = "東町地区の民生委員",
        Worry = "10年以上外出していない様子。",
        ResponsibleAgencyId = _agency.Id,
        ContactEveryDays = 14,
    };
}
