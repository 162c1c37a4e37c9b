using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Domain.Outreach;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Outreach;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Outreach;

/// <summary>Leads through the real services on SQLite: who sees them, attempts side by side, conversion, alerts, figures.</summary>
public sealed class LeadServiceTests : IAsyncLifetime
{
    private AlertWorld _world = default!;
    private Agency _agencyA = default!;
    private Agency _agencyB = default!;

    private PortalHarness Harness => _world.Harness;

    public async Task InitializeAsync()
    {
        _world = await AlertWorld.CreateAsync();
        _agencyA = await Harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        _agencyB = await Harness.AddAgencyAsync("こども家庭センター", AgencyField.Children);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static LeadForm Form(int agencyId, int? workerStaffId = null, LeadSource source = LeadSource.CommissionedVolunteer, int? sourceAgencyId = null) => new()
    {
        Description = "東町の○○さん宅の長男（40代）",
        Address = "ひばり野市東町2丁目8番地",
        Source = source,
        SourceAgencyId = sourceAgencyId,
        SourceNote = "東町地区の民生委員",
        Worry = "10年以上外出していない様子。母が入院した。",
        ResponsibleAgencyId = agencyId,
        OutreachWorkerStaffId = workerStaffId,
        ContactEveryDays = 14,
    };

    private async Task<int> RegisterAsync(LeadForm form)
    {
        await using var scope = Harness.As(TestUsers.Coordinator());
        var result = await Harness.Get<LeadChangeService>(scope).RegisterAsync(form);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Id;
    }

    private async Task<SaveResult> AttemptAsync(System.Security.Claims.ClaimsPrincipal user, int leadId, OutreachOutcome outcome = OutreachOutcome.Talked, string note = "玄関先で話せた。")
    {
        await using var scope = Harness.As(user);
        var now = JapanDate.InJapan(Harness.Time.GetUtcNow()).AddHours(-1);
        return await Harness.Get<LeadChangeService>(scope).RecordAttemptAsync(leadId, new ContactAttemptForm
        {
            Method = OutreachMethod.Visit, Outcome = outcome, Date = now.Date, Time = now.TimeOfDay, Note = note,
        });
    }

    private async Task<int> ConsentedLeadAsync()
    {
        var id = await RegisterAsync(Form(_agencyA.Id));
        Assert.True((await AttemptAsync(TestUsers.Coordinator(), id)).Succeeded);
        await using var scope = Harness.As(TestUsers.Coordinator());
        var changes = Harness.Get<LeadChangeService>(scope);
        var leads = Harness.Get<LeadService>(scope);
        Assert.True((await changes.AdvanceAsync(id, (await leads.GetAsync(id))!.Version, LeadStage.Contacted)).Succeeded);
        Assert.True((await changes.AdvanceAsync(id, (await leads.GetAsync(id))!.Version, LeadStage.Relationship)).Succeeded);
        var consent = new LeadConsentForm { ConsentOn = new DateTime(2026, 11, 23), ConsentMethod = ConsentMethod.Written };
        Assert.True((await changes.RecordConsentAsync(id, (await leads.GetAsync(id))!.Version, consent)).Succeeded);
        return id;
    }

    [Fact]
    public async Task AgencyMember_SeesOnlyTheLeadsOfTheirAgency_AndAnOtherIsRefusedAndAudited()
    {
        var ofA = await RegisterAsync(Form(_agencyA.Id));
        var ofB = await RegisterAsync(Form(_agencyB.Id));
        await using var scope = Harness.As(TestUsers.MemberOf(_agencyA.Id));
        var leads = Harness.Get<LeadService>(scope);

        var listed = await leads.SearchAsync(new LeadFilter());
        var other = await leads.GetAsync(ofB);
        var attempt = await AttemptAsync(TestUsers.MemberOf(_agencyA.Id), ofB);

        Assert.Equal([ofA], listed.Select(l => l.Id));
        Assert.Equal("ひばり野市東町…", listed[0].MaskedAddress);
        Assert.Null(other);
        Assert.Equal(SaveStatus.NotFound, attempt.Status);
        await using var db = Harness.NewContext();
        Assert.False(await db.OutreachContacts.AnyAsync(c => c.LeadId == ofB));
        var denials = await db.AuditEntries.Where(a => a.Action == AuditAction.AccessDenied && a.UserId == $"u-member-{_agencyA.Id}").ToListAsync();
        Assert.Equal(2, denials.Count);
        Assert.All(denials, d => Assert.Equal(AuditEntry.Mentions(ofB), d.LeadIds));
        var listRead = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.LeadListViewed);
        Assert.Equal(AuditEntry.Mentions(ofA), listRead.LeadIds);
    }

    [Fact]
    public async Task AgencyThatToldUs_SeesTheLead_OnlyOnceThePersonConsented()
    {
        var id = await RegisterAsync(Form(_agencyA.Id, source: LeadSource.Agency, sourceAgencyId: _agencyB.Id));
        await using (var before = Harness.As(TestUsers.MemberOf(_agencyB.Id)))
        {
            Assert.Null(await Harness.Get<LeadService>(before).GetAsync(id));
        }
        await AttemptAsync(TestUsers.Coordinator(), id);
        await using (var scope = Harness.As(TestUsers.Coordinator()))
        {
            var changes = Harness.Get<LeadChangeService>(scope);
            var leads = Harness.Get<LeadService>(scope);
            await changes.AdvanceAsync(id, (await leads.GetAsync(id))!.Version, LeadStage.Contacted);
            await changes.RecordConsentAsync(id, (await leads.GetAsync(id))!.Version, new LeadConsentForm { ConsentOn = new DateTime(2026, 11, 23), ConsentMethod = ConsentMethod.Verbal });
        }

        await using var after = Harness.As(TestUsers.MemberOf(_agencyB.Id));
        var seen = await Harness.Get<LeadService>(after).GetAsync(id);

        Assert.NotNull(seen);
        Assert.False(seen.CanWork);
    }

    [Fact]
    public async Task TwoWorkers_LoggingContactOnOneLeadAtOnce_BothAreKept()
    {
        var id = await RegisterAsync(Form(_agencyA.Id));

        var results = await Task.WhenAll(
            AttemptAsync(TestUsers.Coordinator(), id, OutreachOutcome.NotHome, "訪問したが不在。"),
            AttemptAsync(TestUsers.MemberOf(_agencyA.Id, "藤井 由美"), id, OutreachOutcome.Talked, "電話で母と話せた。"));

        Assert.All(results, r => Assert.True(r.Succeeded));
        await using var scope = Harness.As(TestUsers.Coordinator());
        var lead = await Harness.Get<LeadService>(scope).GetAsync(id);
        Assert.Equal(2, lead!.Attempts.Count);
        Assert.Equal(["中川 浩二", "藤井 由美"], lead.Attempts.Select(a => a.RecordedByName).Order());
    }

    [Fact]
    public async Task Conversion_PrefillsTheIntakeWithWhatIsKnown_LinksTheCase_AndASecondIsRefused()
    {
        var id = await ConsentedLeadAsync();
        await using var scope = Harness.As(TestUsers.Coordinator());
        var intake = Harness.Get<IntakeService>(scope);

        var form = await intake.NewFormForLeadAsync(id);
        Assert.NotNull(form);
        Assert.Equal(IntakeRoute.Outreach, form.IntakeRoute);
        Assert.Equal("ひばり野市東町2丁目8番地", form.Address);
        Assert.Equal("東町の○○さん宅の長男（40代）", form.Members.Single().Note);
        Assert.Contains("10年以上外出していない様子。", form.IntakeSummary);
        Assert.Equal(ConsentStatus.Obtained, form.Consent.Status);
        Assert.Equal(ConsentMethod.Written, form.Consent.Method);
        var person = form.Members.Single();
        person.FamilyName = "森川";
        person.GivenName = "拓真";
        person.FamilyNameKana = "モリカワ";
        person.GivenNameKana = "タクマ";
        form.Concerns = ["Hikikomori"];

        var opened = await intake.OpenCaseAsync(form);
        var again = await intake.OpenCaseAsync(form);

        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
        Assert.False(again.Succeeded);
        await using var db = Harness.NewContext();
        var lead = await db.OutreachLeads.SingleAsync(l => l.Id == id);
        Assert.Equal(LeadStage.Connected, lead.Stage);
        Assert.Equal(opened.Id, lead.ConvertedCaseId);
        Assert.Equal(1, await db.Cases.CountAsync());
        Assert.Equal(1, await db.Households.CountAsync());
    }

    [Fact]
    public async Task ContactOverdue_AlertsTheWorkerOncePerDueDay_AndAgainAfterTheNextLapse()
    {
        var id = await RegisterAsync(Form(_world.Lead.Id, _world.CoordinatorStaff.Id));
        var job = _world.Get<RemindOutreachContactJob>();

        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        Harness.Time.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await job.RunAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        await AttemptAsync(TestUsers.Coordinator(), id, OutreachOutcome.NotHome);
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        Harness.Time.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await job.RunAsync(CancellationToken.None));

        var alerts = await _world.NotificationsAsync(NotificationKind.OutreachContactOverdue);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(AlertWorld.CoordinatorId, a.RecipientUserId));
        Assert.All(alerts, a => Assert.Equal($"/outreach/{id}", a.Link));
        Assert.DoesNotContain(alerts, a => a.Body.Contains("長男") || a.Title.Contains("長男"));
    }

    [Fact]
    public async Task Figures_CountLeadsFoundReachedAndConnectedInTheFiscalYear()
    {
        await RegisterAsync(Form(_agencyA.Id));
        var connected = await ConsentedLeadAsync();
        await using (var scope = Harness.As(TestUsers.Coordinator()))
        {
            var intake = Harness.Get<IntakeService>(scope);
            var form = (await intake.NewFormForLeadAsync(connected))!;
            var person = form.Members.Single();
            (person.FamilyName, person.GivenName, person.FamilyNameKana, person.GivenNameKana) = ("森川", "拓真", "モリカワ", "タクマ");
            form.Concerns = ["Hikikomori"];
            Assert.True((await intake.OpenCaseAsync(form)).Succeeded);
        }

        var figures = await _world.Get<OutreachFigures>().ForFiscalYearAsync(new FiscalYear(2026));
        var lastYear = await _world.Get<OutreachFigures>().ForFiscalYearAsync(new FiscalYear(2025));

        Assert.Equal((2, 1, 1), (figures.Identified, figures.ContinuingContact, figures.ConnectedToSupport));
        Assert.Equal((0, 0, 0), (lastYear.Identified, lastYear.ContinuingContact, lastYear.ConnectedToSupport));
    }
}
