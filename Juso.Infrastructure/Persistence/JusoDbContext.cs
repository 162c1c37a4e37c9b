using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Contacts;
using Juso.Domain.Monitoring;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Community;
using Juso.Domain.Households;
using Juso.Domain.Meetings;
using Juso.Domain.Notifications;
using Juso.Domain.Participation;
using Juso.Domain.Outreach;
using Juso.Domain.Plans;
using Juso.Domain.Statistics;
using Juso.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Juso.Infrastructure.Persistence;

/// <summary>
/// The one context for Juso's data and its Identity tables. Each provider has a derived context
/// (<see cref="SqliteJusoDbContext"/>, <see cref="SqlServerJusoDbContext"/>) that owns its migrations set.
/// It also holds the ASP.NET data-protection keys, so that every instance reads the cookies of every other.
/// </summary>
public abstract class JusoDbContext : IdentityDbContext<JusoUser>, IDataProtectionKeyContext
{
    protected JusoDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Staff> Staff => Set<Staff>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();

    public DbSet<SupportCase> Cases => Set<SupportCase>();

    public DbSet<CaseAgency> CaseAgencies => Set<CaseAgency>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<SupportPlan> Plans => Set<SupportPlan>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<PlanSignature> PlanSignatures => Set<PlanSignature>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<ContactRecord> ContactRecords => Set<ContactRecord>();

    public DbSet<MonitoringReview> MonitoringReviews => Set<MonitoringReview>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<ConcernCategoryEntry> ConcernCategories => Set<ConcernCategoryEntry>();

    public DbSet<IndicatorTargets> IndicatorTargets => Set<IndicatorTargets>();

    public DbSet<SocialResource> SocialResources => Set<SocialResource>();

    public DbSet<ParticipationPlan> ParticipationPlans => Set<ParticipationPlan>();

    public DbSet<CommunityPlace> CommunityPlaces => Set<CommunityPlace>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutreachLead> OutreachLeads => Set<OutreachLead>();

    public DbSet<OutreachContact> OutreachContacts => Set<OutreachContact>();

    public DbSet<OutreachPlan> OutreachPlans => Set<OutreachPlan>();

    public DbSet<ReminderSettings> ReminderSettings => Set<ReminderSettings>();

    public DbSet<Domain.Ledger.LedgerEntry> LedgerEntries => Set<Domain.Ledger.LedgerEntry>();

    public DbSet<Domain.Ledger.LedgerColumnMapping> LedgerColumnMappings => Set<Domain.Ledger.LedgerColumnMapping>();

    public DbSet<Domain.Ledger.LedgerValueMapping> LedgerValueMappings => Set<Domain.Ledger.LedgerValueMapping>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JusoDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteJusoDbContext(DbContextOptions<SqliteJusoDbContext> options) : JusoDbContext(options)
{
    /// <summary>The household search index's triggers call a function of ours: every connection defines it, whoever configured the context.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(HouseholdSearchIndex.Functions);
}

public sealed class SqlServerJusoDbContext(DbContextOptions<SqlServerJusoDbContext> options) : JusoDbContext(options);
