using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Hosting;

/// <summary>
/// The demo municipality ひばり野市 (fictional): agencies in every field modelled on the seeds' tables,
/// their staff, one demo user per role, and about 30 fictional households over all stages and categories.
/// Runs only on an empty database with Database:SeedDemoData on.
/// </summary>
public sealed partial class DemoDataSeeder(
    IDbContextFactory<JusoDbContext> factory,
    UserManager<JusoUser> users,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>The password of every demo user (README lists the users).</summary>
    public const string DemoPassword = "hibarino-demo-2026";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return;
        }
        logger.LogInformation("Filling the empty database with the demo municipality ひばり野市.");
        var now = time.GetUtcNow();
        var today = JapanDate.Today(now);
        var system = new Actor("demo", "デモデータ");

        var agencies = AgencySeeds.Select(a => Agency.Create(a.Name, a.Field, a.Operation, a.Contact, now)).ToList();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync(cancellationToken);

        var categories = await SeedCategoriesAsync(db, today, now, cancellationToken);

        var staff = new List<List<Staff>>();
        for (var i = 0; i < agencies.Count; i++)
        {
            staff.Add(StaffSeeds[i].Select(line => line.Split('|')).Select(p => Staff.Create(agencies[i], p[0], p[1], p[2], now)).ToList());
            db.Staff.AddRange(staff[i]);
        }
        await db.SaveChangesAsync(cancellationToken);

        var demoUsers = new Dictionary<string, (string Id, string Name, int? AgencyId)>();
        foreach (var seed in UserSeeds)
        {
            var user = new JusoUser
            {
                UserName = seed.UserName,
                DisplayName = seed.DisplayName,
                // .example is reserved (RFC 2606): demo mail never reaches anyone; the folder sender keeps it anyway.
                Email = $"{seed.UserName}@hibarino.example",
                StaffId = seed.Staff is { } s ? staff[s.Agency][s.Staff].Id : null,
                CreatedAt = now.UtcDateTime,
            };
            var result = await users.CreateAsync(user, DemoPassword);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, seed.Role);
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            demoUsers[seed.UserName] = (user.Id, seed.DisplayName, seed.Staff is { } st ? agencies[st.Agency].Id : null);
        }

        var random = new Random(2026);
        var sequences = new Dictionary<int, int>();
        var stages = new[] { CaseStage.Intake, CaseStage.Assessment, CaseStage.Planning, CaseStage.Support, CaseStage.Closed };
        // Oldest first, so that running numbers follow the intake dates.
        for (var n = 29; n >= 0; n--)
        {
            var scenario = Scenarios[n % Scenarios.Length];
            var family = FamilyNames[(n * 7 + n / Scenarios.Length) % FamilyNames.Length].Split('|');
            var intakeDate = today.AddDays(-(5 + n * 31 + random.Next(0, 20)));
            var members = scenario.Members.Select((m, i) =>
            {
                var given = (m.Male ? MaleNames : FemaleNames)[(n * 3 + i * 7) % 10].Split('|');
                var birth = intakeDate.AddYears(-m.Age).AddDays(-random.Next(0, 360));
                return new MemberDetails(family[0], given[0], family[1], given[1], birth, m.Relation, Sex: m.Male ? Sex.Male : Sex.Female);
            }).ToList();
            var household = Household.Create($"ひばり野市{(n % 2 == 0 ? "東" : "西")}町{n % 5 + 1}丁目{n + 3}番地", $"0000-12-{3400 + n:D4}", null, members, now);
            db.Households.Add(household);
            await db.SaveChangesAsync(cancellationToken);

            var consent = n % 3 == 2
                ? new ConsentDetails(ConsentStatus.NotObtained, intakeDate, null, "支援会議での検討から始める")
                : new ConsentDetails(ConsentStatus.Obtained, intakeDate, n % 2 == 0 ? ConsentMethod.Written : ConsentMethod.Verbal, null);
            var fiscalYear = FiscalYear.Of(intakeDate).StartYear;
            sequences[fiscalYear] = sequences.GetValueOrDefault(fiscalYear) + 1;
            var referring = scenario.Route == IntakeRoute.AgencyReferral || scenario.Route == IntakeRoute.Community || scenario.Route == IntakeRoute.Outreach
                ? agencies[scenario.ReferringAgency]
                : null;
            var codes = scenario.Categories.Select(c => categories.IsValid(c, FiscalYear.Of(intakeDate)) ? c : "Other").ToList();
            var intake = new IntakeDetails(intakeDate, scenario.Route, referring?.Id, codes, scenario.Summary, Consulter(scenario.Route, members));
            var at = new DateTimeOffset(intakeDate.ToDateTime(new TimeOnly(10, 0)), JapanDate.Offset);
            var supportCase = SupportCase.Open(household, intake, categories, referring, referring is null ? agencies[scenario.ReferringAgency] : null,
                consent, sequences[fiscalYear], system, at);
            supportCase.AssignCoordinator(staff[0][0], system, at);

            db.Cases.Add(supportCase);
            await db.SaveChangesAsync(cancellationToken);

            // Older cases have come further: spread them over the stages, each step by the real transitions.
            var target = stages[Math.Min(stages.Length - 1, n * stages.Length / 30)];
            if (n == 1 || n == 3)
            {
                target = CaseStage.Support;
            }
            var step = at;
            DateTimeOffset Next() => step = step.AddDays(14) < now ? step.AddDays(14) : now;
            if (target >= CaseStage.Assessment)
            {
                supportCase.StartAssessment(system, Next());
            }
            if (target >= CaseStage.Planning)
            {
                await AdvanceThroughPlanAsync(db, supportCase, scenario, target, agencies, staff, household, system, now, Next, () => step);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        var pastSupportMeeting = await MeetingDemoData.SeedAsync(db, demoUsers, today, now, cancellationToken);
        await OutreachDemoData.SeedAsync(db, agencies, staff, pastSupportMeeting, now, cancellationToken);
        await MeetingDemoData.SeedOutreachReviewAsync(db, demoUsers, today, now, cancellationToken);
        var chair = demoUsers["chair"];
        await DemoStatisticsSeed.SeedAsync(db, chair.Id, chair.Name, chair.AgencyId, today, now, cancellationToken);
        await ParticipationDemoData.SeedAsync(db, (demoUsers["coordinator"].Id, demoUsers["coordinator"].Name), today, now, cancellationToken);
    }

    /// <summary>The built-in categories (written by the migration) and one the city added from last 年度 on.</summary>
    private static async Task<ConcernCategoryCatalog> SeedCategoriesAsync(JusoDbContext db, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.ConcernCategories.ToListAsync(cancellationToken);
        db.ConcernCategories.Add(ConcernCategoryEntry.Add(SelfNeglect, "セルフネグレクト", new FiscalYear(FiscalYear.Of(today).StartYear - 1), existing.Max(e => e.Order) + 1, existing, now));
        await db.SaveChangesAsync(cancellationToken);
        return await db.CategoryCatalogAsync(cancellationToken);
    }
}
