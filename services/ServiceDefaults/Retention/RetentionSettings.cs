using Microsoft.Extensions.Configuration;

namespace TrayBridge.ServiceDefaults.Retention;

/// <summary>The <c>Retention</c> section: how often the runner sweeps, how much one statement deletes (a big backlog goes in
/// short batches, never one long lock), and per thing how long its rows stay (<c>Retention:&lt;Thing&gt;</c>, a TimeSpan).</summary>
public sealed class RetentionSettings(IConfiguration configuration)
{
    public const string Section = "Retention";

    private IConfigurationSection Settings => configuration.GetSection(Section);

    public TimeSpan Interval => Settings.GetValue("Interval", TimeSpan.FromHours(1));
    public int BatchSize => Settings.GetValue("BatchSize", 1000);
    /// <summary>Batches per rule per sweep: what is left waits for the next sweep, so one sweep stays short.</summary>
    public int MaxBatchesPerRun => Settings.GetValue("MaxBatchesPerRun", 100);

    public TimeSpan KeepFor(string thing, TimeSpan defaultValue) => Settings.GetValue(thing, defaultValue);
}
