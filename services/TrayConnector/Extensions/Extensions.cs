using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Features.CatalogMapping;
using TrayBridge.TrayConnector.Features.Invoices;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Features.ProductSync;
using TrayBridge.TrayConnector.Features.Shipments;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Features.Webhooks;

namespace TrayBridge.TrayConnector.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("tray_connector", DaemonLockId: 41_004);

    public static WebApplicationBuilder AddTrayConnector(this WebApplicationBuilder builder)
    {
        builder.AddServicePlatform("tray-connector", Store,
            marten => PostgresXmlRepository.AddDataProtectionTable(
                marten.AddStoreRegistryTable(Store.Schema).AddRegistrationLogTable(Store.Schema).AddWebhookInboxTable(Store.Schema).AddBudgetTables(Store.Schema).AddStoreHealthTable(Store.Schema), Store.Schema),
            bus =>
            {
                bus.AddConsumer<ProductChangedConsumer>();
                bus.AddConsumer<ProductExportRequestedConsumer>();
                bus.AddConsumer<OrderImportedConsumer>();
                bus.AddConsumer<OrderImportFailedConsumer>();
                bus.AddConsumer<NfeIssuedConsumer>();
                bus.AddConsumer<StoreConnectionConsumer>();
                bus.AddConsumer<SalesOrderShippedConsumer>();
            });
        builder.Services.AddSecretProtection(builder.Configuration, "TrayBridge.TrayConnector");
        builder.Services.AddSingleton<StoreRegistry>();
        builder.Services.AddSingleton<RegistrationLog>();
        builder.Services.AddSingleton<StoreSecrets>();
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
        return builder;
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
        return app;
    }
}
