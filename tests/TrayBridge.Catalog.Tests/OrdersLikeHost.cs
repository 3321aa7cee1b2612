using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrayBridge.Contracts;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Messaging;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Tests;

/// <summary>Stands in for an order being imported: the test publishes it to <see cref="OrdersLikeHost"/>.</summary>
public sealed record ImportOrderProbe(string TenantId, EnsureProducts Request, DateTimeOffset OccurredAt) : ITenantMessage;

/// <summary>A bus configured by the platform as the Orders service's is (retries, message scope, in-memory outbox, tenant
/// filters), whose consumer asks Catalog from inside a consume, with <c>IRequestClient&lt;EnsureProducts&gt;</c>: the call
/// Orders makes while importing an order, in the conditions it makes it.</summary>
public sealed class OrdersLikeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private OrdersLikeHost(IHost host) => _host = host;

    public ConcurrentDictionary<string, ProductsEnsured> Responses => _host.Services.GetRequiredService<ConcurrentDictionary<string, ProductsEnsured>>();

    public static async Task<OrdersLikeHost> StartAsync(string rabbitConnectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:rabbitmq", rabbitConnectionString)]);
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddSingleton(new ConcurrentDictionary<string, ProductsEnsured>());
        // Its queue must be bound before the test publishes to it.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMessaging(builder.Configuration, "orders-like", bus =>
        {
            bus.AddConsumer<ImportOrderProbeConsumer>();
            bus.AddRequestClient<EnsureProducts>(CatalogHarness.Timeout);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OrdersLikeHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed class ImportOrderProbeConsumer(IRequestClient<EnsureProducts> catalog, ConcurrentDictionary<string, ProductsEnsured> responses)
    : IConsumer<ImportOrderProbe>
{
    public async Task Consume(ConsumeContext<ImportOrderProbe> context)
    {
        var response = await catalog.GetResponse<ProductsEnsured>(context.Message.Request, context.CancellationToken);
        responses[context.Message.TenantId] = response.Message;
    }
}
