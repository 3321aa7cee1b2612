namespace TrayBridge.TrayConnector.Tray;

/// <summary>The <c>Tray</c> configuration section: our app's credentials and the guards on tenant-typed addresses.</summary>
public sealed class TraySettings
{
    public string ConsumerKey { get; set; } = "";
    public string ConsumerSecret { get; set; } = "";
    /// <summary>The Tray simulator's host (e.g. <c>127.0.0.1</c> for <c>build.ps1 run</c>, <c>tray-simulator</c> in compose):
    /// the one host exempt from the https and public-address rules. Empty in production.</summary>
    public string SimulatorHost { get; set; } = "";
    /// <summary>Refresh this long before the access token expires.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Tray's request budgets as this client enforces them.</summary>
    public Budget.BudgetSettings Budget { get; set; } = new();
    /// <summary>Warn that the merchant must re-authorise when the refresh token ends within this.</summary>
    public TimeSpan ReauthorizationWarning { get; set; } = TimeSpan.FromDays(5);
    /// <summary>What the anonymous webhook keeps (issue 11, webhook flood).</summary>
    public WebhookSettings Webhooks { get; set; } = new();
    /// <summary>How long background work leaves a store whose Tray fails alone (issue 12, a dead Tray holds up everyone).</summary>
    public Health.StoreBackoffSettings StoreBackoff { get; set; } = new();
    /// <summary>How often an account may try to register or re-authorise a store (issue 11, fake Tray hosts).</summary>
    public RegistrationSettings Registrations { get; set; } = new();
    /// <summary>The platform operation's controls (issue 15, the operator's view).</summary>
    public OperationsSettings Operations { get; set; } = new();
}

public sealed class OperationsSettings
{
    /// <summary>How long a store the operation disabled leaves its work parked before looking again; enabling it brings
    /// the work back at once, so this only bounds the wait should that nudge be missed.</summary>
    public TimeSpan DisabledRecheck { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class RegistrationSettings
{
    /// <summary>Attempts per account within <see cref="Window"/>: each one sends our app's consumer key and secret to the
    /// address typed, so a tenant cannot turn the connector into a sender of them to host after host.</summary>
    public int PerWindow { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

public sealed class WebhookSettings
{
    /// <summary>Notifications a store may have waiting; beyond it they are only counted (polling reads every modified
    /// order anyway), so a flood of distinct notifications can neither fill the table nor spend the store's Tray budget.</summary>
    public int MaxPendingPerStore { get; set; } = 1000;
    /// <summary>Our app's code on Tray, when known: a notification naming another app's code is only counted.</summary>
    public string AppCode { get; set; } = "";
}
