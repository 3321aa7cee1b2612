using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Retention;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.TrayConnector.Features.Cancellations;
using TrayBridge.TrayConnector.Features.CatalogMapping;
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TrayConnector.Features.Invoices;
using TrayBridge.TrayConnector.Features.Operations;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Features.ProductSync;
using TrayBridge.TrayConnector.Features.Shipments;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Features.Webhooks;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Import;

namespace TrayBridge.TrayConnector.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("tray_connector", DaemonLockId: 41_004);

    public static WebApplicationBuilder AddTrayConnector(this WebApplicationBuilder builder)
    {
        // A dedicated connector consumes no message: each only schedules work (in the store's partition), which the shared
        // connectors do for every store, and one that ran an export here would call Tray for another store.
        var dedicated = !string.IsNullOrWhiteSpace(builder.Configuration["Connector:DedicatedStoreId"]);
        builder.AddServicePlatform("tray-connector", Store,
            marten =>
            {
                PostgresXmlRepository.AddDataProtectionTable(
                    marten.AddStoreRegistryTable(Store.Schema).AddRegistrationLogTable(Store.Schema).AddWebhookInboxTable(Store.Schema).AddBudgetTables(Store.Schema).AddStoreHealthTable(Store.Schema)
                        .AddDedicatedStoresTable().AddForwardedCallsTable().AddStoreActivityTable(Store.Schema).AddStoreOperationsTables(Store.Schema), Store.Schema);
                MirroredOrderSchema.Configure(marten);
            },
            bus =>
            {
                if (dedicated) return;
                bus.AddConsumer<ProductChangedConsumer>();
                bus.AddConsumer<ProductExportRequestedConsumer>();
                bus.AddConsumer<OrderImportedConsumer>();
                bus.AddConsumer<OrderImportFailedConsumer>();
                bus.AddConsumer<NfeIssuedConsumer>();
                bus.AddConsumer<StoreConnectionConsumer>();
                bus.AddConsumer<SalesOrderShippedConsumer>();
                bus.AddConsumer<NfeCancelledConsumer>();
                bus.AddConsumer<SalesOrderCancelledConsumer>();
            });
        builder.Services.AddSecretProtection(builder.Configuration, "TrayBridge.TrayConnector");
        builder.AddDedicatedConnector();
        builder.Services.AddSingleton<StoreRegistry>();
        builder.Services.AddSingleton<RegistrationLog>();
        builder.Services.AddSingleton<StoreSecrets>();
        builder.AddStoreActivity();
        builder.Services.AddSingleton<StoreOperations>();
        builder.Services.AddScoped<OperatorStoreQuery>();
        builder.AddTrayClient();
        builder.Services.AddScoped<TrayProductLookup>();
        builder.Services.AddScoped<CategoryResolver>();
        builder.Services.AddScoped<BrandResolver>();
        builder.Services.AddScoped<ExportProduct>();
        builder.Services.AddScoped<ProductExportRunner>();
        builder.Services.AddDueWorkHandler<ParkedProductExport>();
        builder.Services.AddDueWorkHandler<ProductSyncRun>();
        builder.AddOrderMirror();
        builder.AddInvoiceFeedback();
        builder.AddShipmentFeedback();
        builder.AddOrderCancellationFeedback();
        builder.Services.AddConnectorRetention(builder.Configuration);
        return builder;
    }

    /// <summary>The connector's own tables that grow with traffic (the platform's rules come with AddServicePlatform).</summary>
    public static IServiceCollection AddConnectorRetention(this IServiceCollection services, IConfiguration configuration)
    {
        var schema = Store.Schema;
        // A pending notification stays however old: it is work not done yet. A counter goes once nothing has added to it.
        services.AddRetentionRule(configuration, "WebhookInbox", TimeSpan.FromDays(30), $"{schema}.{WebhookInboxTable.Name}",
            "(status = 'processed' and processed_at < $1) or (status = 'ignored' and last_received_at < $1)");
        services.AddRetentionRule(configuration, RegistrationLog.RetentionName, RegistrationLog.DefaultRetention,
            $"{schema}.{RegistrationLogTable.Name}", "at < $1");
        // Our only log of Tray calls: the per-store daily counters; the budget reads today's row alone.
        // The activity log per store: what an operator reads back; a month by default.
        services.AddRetentionRule(configuration, "StoreActivity", TimeSpan.FromDays(30), $"{schema}.{StoreActivityTable.Name}", "at < $1");
        // The operation's audit (who disabled, enabled or re-planned which store) is kept a year and a bit: few lines.
        services.AddRetentionRule(configuration, "OperatorLog", TimeSpan.FromDays(400), $"{schema}.{StoreOperationsTable.Log}", "at < $1");
        services.AddRetentionRule(configuration, "TrayDailyUse", TimeSpan.FromDays(30), $"{schema}.{BudgetTables.Daily}", "day < ($1 at time zone 'UTC')::date");
        return services;
    }

    public static WebApplication MapTrayConnectorApi(this WebApplication app)
    {
        app.MapProductSyncApi();
        app.MapCatalogMappingApi();
        app.MapWebhooksApi();
        app.MapStoresApi();
        app.MapOrdersApi();
        app.MapInvoicesApi();
        app.MapShipmentsApi();
        app.MapOrderCancellationsApi();
        app.MapStoreActivityApi();
        app.MapOperatorApi();
        return app;
    }
}
