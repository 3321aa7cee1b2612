using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Retention;

namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>A connector per store (issue 12 §2): every Tray call runs as due work in its store's partition, and which
/// process claims a partition is decided here. A dedicated process (<c>Connector:DedicatedStoreId</c>) claims only its
/// store's work, declares the store and consumes no message (the messages only schedule work, which the shared connectors
/// do for every store); a shared process claims every store's work but the declared ones'.</summary>
public static class DedicatedConnectorExtensions
{
    public static WebApplicationBuilder AddDedicatedConnector(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Connector");
        builder.Services.Configure<ConnectorSettings>(section);
        var settings = section.Get<ConnectorSettings>() ?? new ConnectorSettings();
        builder.Services.AddSingleton<DedicatedStores>();
        builder.Services.AddScoped<TrayForwarding>();
        builder.Services.AddDueWorkHandler<ForwardedCallHandler>();
        builder.Services.AddDueWorkClaimFilter(settings.IsDedicated
            ? new DueWorkClaimFilter(DedicatedStoresTable.DedicatedPredicate, [settings.DedicatedStoreId!])
            : new DueWorkClaimFilter(DedicatedStoresTable.SharedPredicate, []));
        if (settings.IsDedicated) builder.Services.AddHostedService<DedicatedStoreDeclaration>();
        builder.Services.AddRetentionRule(builder.Configuration, "ForwardedCalls", TimeSpan.FromDays(1),
            $"{DedicatedStoresTable.Schema}.{ForwardedCallsTable.Name}", "answered_at < $1");
        return builder;
    }

    /// <summary>The <c>User-Agent</c> of this process's Tray calls: harmless to Tray, and it tells which process made a call.</summary>
    public static string UserAgent(IConfiguration configuration) =>
        $"TrayBridge-Connector/1.0 ({(configuration.GetSection("Connector").Get<ConnectorSettings>() ?? new ConnectorSettings()).InstanceName})";
}
