using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Contacts;
using Juso.Domain.Households;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Juso.Tests.Support.FormEdits;

namespace Juso.Tests.Features.Cases;

/// <summary>
/// Hostile input through the case forms into the real services on SQLite: every save either succeeds or is refused
/// with Japanese messages and leaves the database as it was; nothing throws.
/// </summary>
public sealed class CaseFormPropertyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private CaseSteps _steps = default!;
    private Agency _agency = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _steps = new CaseSteps(_harness);
        _agency = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static Gen<MemberForm> Member(params int[] memberIds) =>
        from family in Hostile.Text
        from given in Hostile.Text
        from familyKana in Hostile.Text
        from givenKana in Hostile.Text
        from birth in Hostile.Date
        from relationship in Hostile.Enum<Relationship>()
        from note in Hostile.Text
        from id in Hostile.Id(memberIds)
        select new MemberForm
        {
            MemberId = id, FamilyName = family, GivenName = given, FamilyNameKana = familyKana, GivenNameKana = givenKana, BirthDate = birth,
            Relationship = relationship, Note = note,
        };

    private static Gen<Edit<T>>[] HouseholdEdits<T>(params int[] memberIds)
        where T : HouseholdForm =>
    [
        Set<T, string?>("Address", Hostile.Text, (f, v) => f.Address = v),
        Set<T, string?>("Phone", Hostile.Text, (f, v) => f.Phone = v),
        Set<T, string?>("Note", Hostile.Text, (f, v) => f.Note = v),
        Set<T, List<MemberForm>>("Members", Hostile.List(Member(memberIds)), (f, v) => f.Members = v),
        Set<T, string?>("Members[0].FamilyNameKana", Hostile.Text, (f, v) => First(f)?.FamilyNameKana = v),
        Set<T, string?>("Members[0].GivenName", Hostile.Text, (f, v) => First(f)?.GivenName = v),
        Set<T, DateTime?>("Members[0].BirthDate", Hostile.Date, (f, v) => First(f)?.BirthDate = v),
    ];

    // An edit of the first member after the members were replaced by an empty list has nothing to edit.
    private static MemberForm? First(HouseholdForm form) => form.Members.FirstOrDefault();

    private static Gen<ConsentForm> Consent { get; } =
        from status in Hostile.OptionalEnum<ConsentStatus>()
        from date in Hostile.Date
        from method in Hostile.OptionalEnum<ConsentMethod>()
        from note in Hostile.Text
        select new ConsentForm { Status = status, Date = date, Method = method, Note = note };

    private Gen<Edits<IntakeForm>> IntakeEdits() => AnyOf(
    [
        .. HouseholdEdits<IntakeForm>(),
        Set<IntakeForm, DateTime?>("IntakeDate", Hostile.Date, (f, v) => f.IntakeDate = v),
        Set<IntakeForm, IntakeRoute?>("IntakeRoute", Hostile.OptionalEnum<IntakeRoute>(), (f, v) => f.IntakeRoute = v),
        Set<IntakeForm, int?>("ReferringAgencyId", Hostile.Id(_agency.Id), (f, v) => f.ReferringAgencyId = v),
        Set<IntakeForm, List<string>>("Concerns", Hostile.List(Gen.OneOf(Gen.Elements(ConcernCategoryEntry.BuiltIn().Select(c => c.Code).ToArray()), Hostile.Text.Select(t => t ?? string.Empty))), (f, v) => f.Concerns = [.. v]),
        Set<IntakeForm, string?>("IntakeSummary", Hostile.Text, (f, v) => f.IntakeSummary = v),
        Set<IntakeForm, string?>("ConsulterName", Hostile.Text, (f, v) => f.ConsulterName = v),
        Set<IntakeForm, ConsentForm>("Consent", Consent, (f, v) => f.Consent = v),
        Set<IntakeForm, int?>("ExistingHouseholdId", Hostile.Id(1), (f, v) => f.ExistingHouseholdId = v),
    ]);

    [Fact]
    public async Task OpenCase_HostileIntakeForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var outcomes = new FormProperties.Outcomes();
        await FormProperties.CheckAsync(IntakeEdits(), async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var form = edits.ApplyTo(IntakeForms.Valid());
            var result = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<IntakeService>(scope).OpenCaseAsync(form)));
            if (result.Succeeded)
            {
                Assert.NotNull(await _harness.Get<CaseService>(scope).GetAsync(result.Id));
            }
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task UpdateHousehold_HostileHouseholdForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.OpenAsync("佐藤", "サトウ"); // another household, whose member ids must not be taken over
        await using var db = _harness.NewContext();
        var householdId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.HouseholdId).SingleAsync();
        var memberIds = await db.HouseholdMembers.Select(m => m.Id).ToArrayAsync();

        var outcomes = new FormProperties.Outcomes();
        await FormProperties.CheckAsync(AnyOf(HouseholdEdits<HouseholdForm>(memberIds)), async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var households = _harness.Get<HouseholdService>(scope);
            var current = (await households.GetAsync(householdId))!;
            var form = edits.ApplyTo(new HouseholdForm
            {
                Address = current.Address, Phone = current.Phone, Note = current.Note, Members = current.Members.Select(MemberForm.From).ToList(),
            });
            var result = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => households.UpdateAsync(householdId, current.Version, form)));
            if (result.Succeeded)
            {
                Assert.NotNull(await households.GetAsync(householdId));
            }
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task RecordConsent_HostileConsentForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var caseId = await _steps.OpenAsync();
        var outcomes = new FormProperties.Outcomes();
        var input = AnyOf(
            Set<ConsentForm, ConsentStatus?>("Status", Hostile.OptionalEnum<ConsentStatus>(), (f, v) => f.Status = v),
            Set<ConsentForm, DateTime?>("Date", Hostile.Date, (f, v) => f.Date = v),
            Set<ConsentForm, ConsentMethod?>("Method", Hostile.OptionalEnum<ConsentMethod>(), (f, v) => f.Method = v),
            Set<ConsentForm, string?>("Note", Hostile.Text, (f, v) => f.Note = v));

        await FormProperties.CheckAsync(input, async edits =>
        {
            var form = edits.ApplyTo(new ConsentForm { Status = ConsentStatus.Obtained, Date = new DateTime(2026, 11, 22), Method = ConsentMethod.Verbal, Note = "面談で再確認" });
            await using var scope = _harness.As(TestUsers.Coordinator());
            var version = await _steps.CaseVersionAsync(caseId);
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<CaseService>(scope).RecordConsentAsync(caseId, version, form)));
            Assert.NotNull(await _harness.Get<CaseService>(scope).GetAsync(caseId));
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task RecordAssessment_HostileAssessmentForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var caseId = await _steps.OpenAsync();
        CaseSteps.Ok(await StartAssessmentAsync(caseId));
        await using var db = _harness.NewContext();
        var memberIds = await db.HouseholdMembers.Select(m => m.Id).ToArrayAsync();
        var source =
            from agencyId in Hostile.Id(_agency.Id)
            from name in Hostile.Text
            from receivedOn in Hostile.Date
            from content in Hostile.Text
            select new SourceForm { AgencyId = agencyId, SourceName = name, ReceivedOn = receivedOn, Content = content };
        var field = Gen.Elements("Situation", "Health", "Finances", "Housing", "FamilyRelations", "CommunityTies", "Strengths", "Wishes", "Unknown");
        var input = AnyOf(
            Set<AssessmentForm, (string Field, string? Text)>("Texts[…]", field.SelectMany(f => Hostile.Text.Select(t => (f, t))), (f, v) => f.Texts[v.Field] = v.Text),
            Set<AssessmentForm, (string Field, string? Text)>("Texts[…]", field.SelectMany(f => Hostile.Text.Select(t => (f, t))), (f, v) => f.Texts[v.Field] = v.Text),
            Set<AssessmentForm, (int Id, string? Text)>("MemberIssues[…]", Hostile.Id(memberIds).SelectMany(id => Hostile.Text.Select(t => (id ?? 0, t))),
                (f, v) => f.MemberIssues[v.Id] = v.Text),
            Set<AssessmentForm, List<SourceForm>>("Sources", Hostile.List(source), (f, v) => f.Sources.AddRange(v)));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async edits =>
        {
            var form = edits.ApplyTo(new AssessmentForm { Texts = { ["Situation"] = "母と長男の二人暮らし。" } });
            await using var scope = _harness.As(TestUsers.Coordinator());
            var coordination = _harness.Get<CoordinationService>(scope);
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => coordination.RecordAssessmentAsync(caseId, form.ToDetails())));
            await coordination.AssessmentsAsync(caseId);
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task RecordContact_HostileContactForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var caseId = await _steps.OpenAsync();
        var input = AnyOf(
            Set<ContactForm, ContactKind?>("Kind", Hostile.OptionalEnum<ContactKind>(), (f, v) => f.Kind = v),
            Set<ContactForm, DateTime?>("Date", Hostile.Date, (f, v) => f.Date = v),
            Set<ContactForm, TimeSpan?>("Time", Hostile.TimeOfDay, (f, v) => f.Time = v),
            Set<ContactForm, string?>("WithWhom", Hostile.Text, (f, v) => f.WithWhom = v),
            Set<ContactForm, string?>("Content", Hostile.Text, (f, v) => f.Content = v));

        var outcomes = new FormProperties.Outcomes();
        await FormProperties.CheckAsync(input, async edits =>
        {
            var form = edits.ApplyTo(new ContactForm { Kind = ContactKind.Call, Date = new DateTime(2026, 11, 22), Time = new TimeSpan(10, 0, 0), Content = "電話で近況を確認した。" });
            await using var scope = _harness.As(TestUsers.Coordinator());
            var coordination = _harness.Get<CoordinationService>(scope);
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => coordination.RecordContactAsync(caseId, form.ToDetails())));
            await coordination.ContactsAsync(caseId);
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task Search_HostileSearchText_FindsWithoutThrowing()
    {
        await _steps.OpenAsync();
        var input =
            from text in Hostile.Text
            from category in Hostile.Text
            from stage in Hostile.OptionalEnum<CaseStage>()
            from agencyId in Hostile.Id(_agency.Id)
            from year in Hostile.Number
            from page in Hostile.Number
            from pageSize in Gen.Elements(1, 20, 50, 100)
            select (Search: new CaseSearch(text, category, stage, agencyId, year == 0 ? null : year), Page: page, PageSize: pageSize);

        await FormProperties.CheckAsync(input, async value =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var found = await _harness.Get<CaseService>(scope).SearchAsync(value.Search, value.Page, value.PageSize);
            Assert.True(found.Items.Count <= value.PageSize);
        });
    }

    [Fact]
    public void KanaNormalize_LoneSurrogate_IsRefusedAsNotKana()
    {
        // Regression: string.Normalize threw ArgumentException on half of a surrogate pair (found by the intake property).
        var result = Juso.Domain.Common.KanaText.Normalize("ヤ\ud83d", "FamilyNameKana", "氏（フリガナ）", 50, required: true);

        Assert.Null(result.Value);
        Assert.Contains("カタカナまたはひらがな", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Search_LoneSurrogate_FindsNothingInsteadOfThrowing()
    {
        // Regression: the case list search normalized the text as kana and threw on a lone surrogate.
        await _steps.OpenAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());

        var found = await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch("\ud800"), 0, 20);

        Assert.Empty(found.Items);
    }

    [Fact]
    public async Task RecordContact_DateInYearOne_IsRefusedAsBeforeIntakeInsteadOfThrowing()
    {
        // Regression: 0001-01-01 00:00 in Japan is before the first DateTimeOffset; the tab's conversion threw.
        var caseId = await _steps.OpenAsync();
        await using var scope = _harness.As(TestUsers.Coordinator());
        var form = new ContactForm { Kind = ContactKind.Call, Date = DateTime.MinValue, Time = TimeSpan.Zero, Content = "電話" };

        var result = await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<CoordinationService>(scope).RecordContactAsync(caseId, form.ToDetails()));

        Assert.Contains("受付日以降", Assert.Single(result.Errors).Message);
    }

    private async Task<Juso.Portal.Common.SaveResult> StartAssessmentAsync(int caseId)
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        return await _harness.Get<CoordinationService>(scope).StartAssessmentAsync(caseId, await _steps.CaseVersionAsync(caseId));
    }
}
