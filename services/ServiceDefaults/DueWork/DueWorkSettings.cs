namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>The <c>DueWork</c> configuration section.</summary>
public sealed class DueWorkSettings
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Items run at once by one host.</summary>
    public int Concurrency { get; set; } = 8;
    /// <summary>Items of one partition (a store, for the connector) in flight across all hosts: a store's calls are paced
    /// one by one by Tray's budget anyway, so more would only take slots other stores need.</summary>
    public int MaxInFlightPerPartition { get; set; } = 2;
    /// <summary>Items of one tenant in flight across all hosts: a tenant with many slow stores never takes every slot.</summary>
    public int MaxInFlightPerTenant { get; set; } = 4;
    /// <summary>How long a claimed item stays invisible to other hosts, renewed every third of it while the item runs;
    /// a host that dies mid-item loses it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public int MaxAttempts { get; set; } = 20;
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
}
