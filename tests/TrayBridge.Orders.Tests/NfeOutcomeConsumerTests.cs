using Marten;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayBridge.Contracts;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Extensions;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TestSupport;

namespace TrayBridge.Orders.Tests;

/// <summary>The Orders service as its Program builds it, over real PostgreSQL and RabbitMQ (a database and vhost of its own),
/// told by a bus standing in for Invoicing that a sales order's NF-e was authorized or refused.</summary>
public sealed class NfeOutcomeConsumerTests : IAsyncLifetime
{
    private const string Tenant = "acme";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private IsolatedInfrastructure? _infrastructure;
    private WebApplication? _orders;
    private IBusControl? _invoicing;

    public async ValueTask InitializeAsync()
    {
        if (await TestInfrastructure.UnavailableReasonAsync() is { } reason) Assert.Skip(reason);
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new DevTokens().Settings.ToDictionary(s => s.Key.Replace("__", ":"), s => (string?)s.Value)
            .Append(new("ConnectionStrings:postgres", _infrastructure.PostgresConnectionString))
            .Append(new("ConnectionStrings:rabbitmq", _infrastructure.RabbitConnectionString)));
        builder.AddServiceDefaults("orders");
        builder.AddOrders();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true); // queues bound before the first publish
        _orders = builder.Build();
        _orders.UseServiceDefaults("/api/orders");
        _orders.MapOrdersApi();
        await _orders.StartAsync(Cancel);
        _invoicing = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(_infrastructure.RabbitConnectionString)));
        await _invoicing.StartAsync(Cancel);
    }

    private async Task<SalesOrder> StoreReadyOrderAsync()
    {
        var order = SalesOrderFactoryTests.Import(TrayOrders.Order()).Order!;
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, order.Status);
        await using var session = _orders!.Services.GetRequiredService<IDocumentStore>().LightweightSession(Tenant);
        session.Store(order);
        await session.SaveChangesAsync(Cancel);
        return order;
    }

    private async Task<SalesOrder> LoadAsync(Guid id)
    {
        await using var session = _orders!.Services.GetRequiredService<IDocumentStore>().QuerySession(Tenant);
        return (await session.LoadAsync<SalesOrder>(id, Cancel))!;
    }

    private Task PublishAsync<T>(T message) where T : class, ITenantMessage =>
        _invoicing!.Publish(message, context => context.Headers.Set(TenantClaims.Header, message.TenantId), Cancel);

    private static NfeIssued Issued(SalesOrder order, string key, int number) => new(Tenant, order.StoreId, order.TrayOrderId, order.Id, key,
        number, 1, DateTimeOffset.UtcNow, order.Totals.Total, "135260000000001", "https://erp.example/danfe", "https://erp.example/xml",
        [new NfeItemCfop("p-CAM-1", null, "5102")], DateTimeOffset.UtcNow);

    [Fact]
    public async Task NfeIssued_makes_a_ready_sales_order_Faturado_with_its_key_once()
    {
        var order = await StoreReadyOrderAsync();
        var key = "35261159123456000190550010000012011000012017";

        await PublishAsync(Issued(order, key, 1201));
        var invoiced = await Eventually.ReturnsAsync(() => LoadAsync(order.Id), o => o.Invoiced, TimeSpan.FromSeconds(20), "Faturado");

        Assert.Equal((SalesOrderStatus.Faturado, "Faturado"), (invoiced.Status, invoiced.StatusLabel));
        Assert.Equal((key, 1201, 1), (invoiced.NfeKey, invoiced.NfeNumber, invoiced.NfeSeries));

        await PublishAsync(Issued(order, key, 1201)); // redelivered
        await PublishAsync(Issued(order, "35261159123456000190550010000099991000099991", 9999)); // a second note: kept out
        await Task.Delay(2000, Cancel);
        var after = await LoadAsync(order.Id);
        Assert.Equal((SalesOrderStatus.Faturado, key, 1201), (after.Status, after.NfeKey, after.NfeNumber));
    }

    [Fact]
    public async Task NfeRejected_shows_code_and_reason_on_the_order_without_changing_readiness_until_a_note_is_authorized()
    {
        var order = await StoreReadyOrderAsync();

        await PublishAsync(new NfeRejected(Tenant, order.StoreId, order.TrayOrderId, order.Id, "209", "Rejeição: IE do destinatário inválida",
            DateTimeOffset.UtcNow));
        var rejected = await Eventually.ReturnsAsync(() => LoadAsync(order.Id), o => o.LastNfeRejection is not null, TimeSpan.FromSeconds(20),
            "the rejection shown");

        Assert.Equal(("209", "Rejeição: IE do destinatário inválida"), (rejected.LastNfeRejection!.Code, rejected.LastNfeRejection.Reason));
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, rejected.Status);
        Assert.False(rejected.Invoiced);

        await PublishAsync(Issued(order, "35261159123456000190550010000012021000012022", 1202));
        var invoiced = await Eventually.ReturnsAsync(() => LoadAsync(order.Id), o => o.Invoiced, TimeSpan.FromSeconds(20), "Faturado");
        Assert.Null(invoiced.LastNfeRejection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_invoicing is not null) await _invoicing.StopAsync(CancellationToken.None);
        if (_orders is not null)
        {
            await _orders.StopAsync(CancellationToken.None);
            await _orders.DisposeAsync();
        }
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}
