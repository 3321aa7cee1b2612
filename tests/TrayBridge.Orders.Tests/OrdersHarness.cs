using Marten;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayBridge.Contracts;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Extensions;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TestSupport;

namespace TrayBridge.Orders.Tests;

/// <summary>The Orders service as its Program builds it, in-process, over a PostgreSQL database and a RabbitMQ vhost of
/// its own, and a bus standing in for the other services. Tests share one and keep apart by tenant.</summary>
public sealed class OrdersHarness : IAsyncLifetime
{
    private readonly DevTokens _tokens = new();
    private IsolatedInfrastructure? _infrastructure;
    private WebApplication? _orders;
    private IBusControl? _others;
    private string? _skipReason;

    public IDocumentStore Store => Running(_orders).Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        _skipReason = await TestInfrastructure.UnavailableReasonAsync();
        if (_skipReason is not null) return;
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(_tokens.Settings.ToDictionary(s => s.Key.Replace("__", ":"), s => (string?)s.Value)
            .Append(new("ConnectionStrings:postgres", _infrastructure.PostgresConnectionString))
            .Append(new("ConnectionStrings:rabbitmq", _infrastructure.RabbitConnectionString)));
        builder.AddServiceDefaults("orders");
        builder.AddOrders();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true); // queues bound before the first publish
        _orders = builder.Build();
        _orders.UseServiceDefaults("/api/orders");
        _orders.MapOrdersApi();
        await _orders.StartAsync();
        _others = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(_infrastructure.RabbitConnectionString)));
        await _others.StartAsync();
    }

    /// <summary>The Orders HTTP API as a tenant's user calls it (bearer token, no gateway).</summary>
    public HttpClient Client(string tenantId)
    {
        var address = Running(_orders).Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", _tokens.For(tenantId));
        return client;
    }

    /// <summary>Stores sales orders as an import would have made them, in <paramref name="tenantId"/>.</summary>
    public async Task StoreAsync(string tenantId, params SalesOrder[] orders)
    {
        await using var session = Store.LightweightSession(tenantId);
        foreach (var order in orders)
        {
            order.TenantId = tenantId;
            session.Store(order);
        }
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task<SalesOrder> LoadAsync(string tenantId, Guid id)
    {
        await using var session = Store.QuerySession(tenantId);
        return (await session.LoadAsync<SalesOrder>(id, TestContext.Current.CancellationToken))!;
    }

    /// <summary>Published as another service's relay does, with the tenant header.</summary>
    public Task PublishAsync<T>(T message) where T : class, ITenantMessage =>
        Running(_others).Publish(message, context => context.Headers.Set(TenantClaims.Header, message.TenantId), TestContext.Current.CancellationToken);

    private T Running<T>(T? value) where T : class
    {
        if (_skipReason is not null) Assert.Skip(_skipReason);
        return value ?? throw new InvalidOperationException("The harness did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_others is not null) await _others.StopAsync(CancellationToken.None);
        if (_orders is not null)
        {
            await _orders.StopAsync(CancellationToken.None);
            await _orders.DisposeAsync();
        }
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}
