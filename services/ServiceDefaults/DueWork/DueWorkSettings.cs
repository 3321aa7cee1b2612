namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>The <c>DueWork</c> configuration section.</summary>
public sealed class DueWorkSettings
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public int BatchSize { get; set; } = 20;
    /// <summary>How long a claimed item stays invisible to other hosts; a host that dies mid-item loses it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public int MaxAttempts { get; set; } = 20;
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
}
