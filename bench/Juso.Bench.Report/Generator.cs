using System.Globalization;
using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// Ten 年度 of a large municipality, written as rows (as an import or years of use would leave them): cases with 1 to 3
/// concerns, an intake agency, most closed (some handed back), plan versions, regular and ad hoc meetings with their
/// agendas, and monitoring reviews on time and late. Prepared INSERTs in one transaction, foreign keys off while writing.
/// </summary>
internal static class Generator
{
    public static async Task<(int[] AgencyIds, string Rows)> RunAsync(BenchDatabase bench, int count, FiscalYear first, DateTimeOffset now)
    {
        // Some agencies carry programs, for the figures per program.
        var agencyIds = await bench.AgenciesAsync(now, agencies =>
        {
            for (var i = 0; i < agencies.Count; i += 3)
            {
                agencies[i].SetPrograms((SupportProgram)(1 << (i % 6)), "福祉総合相談課", now);
            }
        });
        await using var db = await bench.Factory.CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // Opened through EF, so the connection gets the functions the household search index's triggers call.
        await db.Database.OpenConnectionAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys = OFF";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var household = BenchDatabase.Command(connection, transaction, "INSERT INTO Households (Id, Version, CreatedAt, UpdatedAt) VALUES ($1, 1, $2, $2)");
        var supportCase = BenchDatabase.Command(connection, transaction,
            "INSERT INTO Cases (Id, FiscalYear, Sequence, HouseholdId, Stage, IntakeDate, IntakeRoute, IntakeSummary, ReferringAgencyId, LeadAgencyId, CurrentConsent, ClosedOn, IsHandedBack, Version, CreatedAt, UpdatedAt) "
            + "VALUES ($1, $2, $3, $1, $4, $5, $6, '生成データ', $7, $8, 'Obtained', $9, $10, 1, $11, $11)");
        var concern = BenchDatabase.Command(connection, transaction, "INSERT OR IGNORE INTO CaseConcerns (SupportCaseId, Category) VALUES ($1, $2)");
        var part = BenchDatabase.Command(connection, transaction, "INSERT INTO CaseAgencies (SupportCaseId, AgencyId, Role, Since) VALUES ($1, $2, $3, $4)");
        var plan = BenchDatabase.Command(connection, transaction,
            "INSERT INTO Plans (Id, SupportCaseId, PlanVersion, Kind, Status, ApprovedOn, MonitoringIntervalDays, UsesOutreach, UsesParticipationSupport, Version, CreatedAt, UpdatedAt) "
            + "VALUES ($1, $2, $3, $4, 'Evaluated', $5, 90, 0, 0, 1, $6, $6)");
        var review = BenchDatabase.Command(connection, transaction,
            "INSERT INTO MonitoringReviews (SupportCaseId, SupportPlanId, DueOn, ReviewedOn, NextDueOn, Findings, ReviewedByName, Version, CreatedAt, UpdatedAt) "
            + "VALUES ($1, $2, $3, $4, $4, '生成データ', 'bench', 1, $5, $5)");
        var meeting = BenchDatabase.Command(connection, transaction,
            "INSERT INTO Meetings (Id, Kind, Cadence, ScheduledAt, ChairUserId, Number, MasksNames, Version, CreatedAt, UpdatedAt) VALUES ($1, $2, $3, $4, 'bench', $5, 0, 1, $6, $6)");
        var agenda = BenchDatabase.Command(connection, transaction,
            "INSERT INTO AgendaItem (MeetingId, SupportCaseId, Subject, Purpose, \"Order\", Minutes, Outcome, Version) VALUES ($1, $2, 'Case', 'Monitoring', $3, 10, 'None', 1)");

        var random = new Random(20261123);
        var categories = ConcernCategoryEntry.BuiltIn().Select(c => c.Code).ToArray();
        var routes = Enum.GetNames<IntakeRoute>();
        var today = JapanDate.Today(now);
        var span = today.DayNumber - first.FirstDay.DayNumber;
        var sequences = new Dictionary<int, int>();
        var (plans, reviews) = (0, 0);
        var intakes = Enumerable.Range(0, count).Select(_ => first.FirstDay.AddDays(random.Next(0, span + 1))).Order().ToList();
        for (var id = 1; id <= count; id++)
        {
            var intake = intakes[id - 1];
            var year = FiscalYear.Of(intake).StartYear;
            sequences[year] = sequences.GetValueOrDefault(year) + 1;
            // Most cases end within two years; the recent ones are still open.
            DateOnly? closed = random.NextDouble() < 0.8 ? intake.AddDays(random.Next(0, 730)) : null;
            closed = closed > today ? null : closed;
            var handedBack = closed is not null && random.Next(10) == 0;
            var intakeAgency = agencyIds[random.Next(agencyIds.Length)];
            var referred = random.Next(3) == 0;
            var lead = agencyIds[random.Next(agencyIds.Length)];
            await BenchDatabase.Run(household, id, stamp);
            await BenchDatabase.Run(supportCase, id, year, sequences[year], closed is null ? "Support" : "Closed", BenchDatabase.Date(intake), routes[random.Next(routes.Length)],
                referred ? intakeAgency : DBNull.Value, lead, closed is { } c ? BenchDatabase.Date(c) : DBNull.Value, handedBack, stamp);
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                await BenchDatabase.Run(concern, id, categories[random.Next(categories.Length)]);
            }
            await BenchDatabase.Run(part, id, intakeAgency, "Intake", stamp);
            if (lead != intakeAgency)
            {
                await BenchDatabase.Run(part, id, lead, "Lead", stamp);
            }
            // About a third of the cases get plans: 1 to 3 versions, a review after each.
            if (random.Next(3) == 0)
            {
                var approved = intake.AddDays(random.Next(20, 90));
                for (var v = 1; v <= random.Next(1, 4) && approved <= (closed ?? today); v++)
                {
                    await BenchDatabase.Run(plan, ++plans, id, v, random.Next(4) == 0 ? "WholeHousehold" : "WithConsent", BenchDatabase.Date(approved), stamp);
                    var due = approved.AddDays(90);
                    var done = due.AddDays(random.Next(-20, 30));
                    if (done <= today)
                    {
                        await BenchDatabase.Run(review, id, plans, BenchDatabase.Date(due), BenchDatabase.Date(done), stamp);
                        reviews++;
                    }
                    approved = approved.AddDays(random.Next(120, 300));
                }
            }
        }
        // Every month a regular 重層的支援会議 of 12 cases and an ad hoc 支援会議 of 3.
        var meetings = 0;
        for (var month = first.FirstDay; month <= today; month = month.AddMonths(1))
        {
            foreach (var (kind, cadence, size) in new[] { ("MultiLayered", "Regular", 12), ("Support", "AdHoc", 3) })
            {
                var at = new DateTimeOffset(month.AddDays(10).ToDateTime(new TimeOnly(14, 0)), JapanDate.Offset).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                await BenchDatabase.Run(meeting, ++meetings, kind, cadence, at, month.Month, stamp);
                for (var order = 1; order <= size; order++)
                {
                    await BenchDatabase.Run(agenda, meetings, random.Next(1, count + 1), order);
                }
            }
        }
        await transaction.CommitAsync();
        return (agencyIds, $"{plans:N0} plan versions, {reviews:N0} monitoring reviews, {meetings:N0} meetings");
    }
}
