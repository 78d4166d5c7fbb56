using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>
/// The trajectory store. Each provider has its own subclass so that each keeps its own migrations
/// (<see cref="SqliteTraceFixDb"/>, <see cref="PostgresTraceFixDb"/>).
/// </summary>
public abstract class TraceFixDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<RunRecord> Runs => Set<RunRecord>();
    public DbSet<EpisodeRecord> Episodes => Set<EpisodeRecord>();
    public DbSet<StepRecord> Steps => Set<StepRecord>();
    public DbSet<StepExchangeRecord> StepExchanges => Set<StepExchangeRecord>();
    public DbSet<ShareLinkRecord> ShareLinks => Set<ShareLinkRecord>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // UTC ticks: SQLite cannot order or compare DateTimeOffset, and one representation keeps both providers alike.
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configuration.Properties<RunStatus>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<EpisodeStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<RunRecord>(run =>
        {
            run.ToTable("runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.AgentKind).HasMaxLength(16);
            run.Property(r => r.Model).HasMaxLength(200);
            run.Property(r => r.ModelEndpoint).HasMaxLength(64);
            run.Property(r => r.TaskSelection).HasMaxLength(2000);
            run.Property(r => r.ClaimedBy).HasMaxLength(64);
            run.HasIndex(r => r.CreatedAt);
            run.HasIndex(r => r.Status);
            run.HasIndex(r => r.ParentRunId);
            run.HasMany(r => r.Episodes).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
            run.Ignore(r => r.PlannedTaskNames);
        });
        model.Entity<EpisodeRecord>(episode =>
        {
            episode.ToTable("episodes");
            episode.HasKey(e => e.Id);
            episode.Property(e => e.TaskName).HasMaxLength(200);
            episode.Property(e => e.Difficulty).HasMaxLength(16);
            episode.HasIndex(e => new { e.RunId, e.Index }).IsUnique();
            episode.HasIndex(e => e.TaskName);
            episode.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<StepRecord>(step =>
        {
            step.ToTable("steps");
            step.HasKey(s => s.Id);
            step.Property(s => s.ActionType).HasMaxLength(32);
            step.HasIndex(s => new { s.RunId, s.Sequence }).IsUnique();
            step.HasIndex(s => new { s.EpisodeId, s.Index });
        });
        model.Entity<StepExchangeRecord>(exchange =>
        {
            exchange.ToTable("step_exchanges");
            exchange.HasKey(x => x.Id);
            exchange.HasIndex(x => new { x.RunId, x.Sequence }).IsUnique();
            exchange.HasOne<RunRecord>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ShareLinkRecord>(link =>
        {
            link.ToTable("share_links");
            link.HasKey(l => l.Id);
            link.HasIndex(l => l.RunId);
            link.HasOne<RunRecord>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DataProtectionKeyRecord>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
