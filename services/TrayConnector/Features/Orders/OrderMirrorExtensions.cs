using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Features.Orders.Import;
using TrayBridge.TrayConnector.Features.Orders.Mirror;
using TrayBridge.TrayConnector.Features.Orders.Polling;
using TrayBridge.TrayConnector.Features.Orders.StatusMap;

namespace TrayBridge.TrayConnector.Features.Orders;

public static class OrderMirrorExtensions
{
    public static WebApplicationBuilder AddOrderMirror(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OrderSettings>(builder.Configuration.GetSection("Tray:Orders"));
        builder.Services.AddScoped<OrderMirror>();
        builder.Services.AddScoped<OrderListing>();
        builder.Services.AddScoped<OrderRangeListing>();
        builder.Services.AddScoped<OrderStatusReader>();
        builder.Services.AddScoped<TrayCatalogueRead>();
        builder.Services.AddScoped<TrayProductFiscal>();
        builder.Services.AddDueWorkHandler<OrderPoll>();
        builder.Services.AddDueWorkHandler<WebhookReread>();
        builder.Services.AddDueWorkHandler<ImportOrder>();
        builder.Services.AddHostedService<OrderPollingBootstrap>();
        return builder;
    }
}
