using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.Customers;
using TrayBridge.Orders.Features.Shipments;
using TrayBridge.Orders.Features.Import;
using TrayBridge.Orders.Features.Invoicing;
using TrayBridge.Orders.Features.Marketplaces;
using TrayBridge.Orders.Features.SalesOrders;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Orders.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("orders", DaemonLockId: 41_002);

    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.AddServicePlatform("orders", Store, marten =>
            {
                SalesOrderSchema.Configure(marten);
                marten.Schema.For<Customer>();
                marten.Schema.For<ImportFailure>();
                marten.Schema.For<MarketplaceSeller>().Index(s => s.StoreId);
            },
            bus =>
            {
                bus.AddConsumer<TrayOrderFetchedConsumer>();
                bus.AddConsumer<TrayOrderChangedConsumer>();
                bus.AddConsumer<NfeIssuedConsumer>();
                bus.AddConsumer<NfeRejectedConsumer>();
                bus.AddConsumer<NfeCancelledConsumer>();
                bus.AddConsumer<Features.Invoicing.SalesOrderForInvoiceConsumer>();
                bus.AddConsumer<Features.Invoicing.SalesOrdersForInvoiceConsumer>();
                bus.AddRequestClient<EnsureProducts>(RequestTimeout.After(s: 30));
            });
        builder.Services.AddSingleton(IbgeCities.Load());
        builder.Services.AddSingleton(new MarketplaceIntermediaries(
            builder.Configuration.GetSection("Orders:MarketplaceCnpjs").Get<Dictionary<string, string>>() ?? []));
        return builder;
    }

    public static WebApplication MapOrdersApi(this WebApplication app)
    {
        app.MapSalesOrdersApi();
        app.MapShipmentsApi();
        app.MapCustomersApi();
        app.MapMarketplacesApi();
        return app;
    }
}
