using Marten;
using MassTransit;
using TrayBridge.Contracts.TrayConnector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayBridge.Catalog.Extensions;
using TrayBridge.Contracts;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TestSupport;

namespace TrayBridge.Catalog.Tests;

/// <summary>A Catalog built as its Program builds it, in-process, over a database and vhost of its own, and a second bus
/// standing in for the Orders service: it asks <c>EnsureProducts</c> through a request client, as Orders will.</summary>
public sealed class CatalogHarness : IAsyncLifetime
{
    public static readonly RequestTimeout Timeout = RequestTimeout.After(s: 30);
    private WebApplication? _catalog;
    private IsolatedInfrastructure? _infrastructure;
    private IBusControl? _orders;
    private string? _skipReason;
    private readonly DevTokens _tokens = new();

    public IDocumentStore Store => Running(_catalog).Services.GetRequiredService<IDocumentStore>();
    public IsolatedInfrastructure Infrastructure => Running(_infrastructure);
    public IBus Bus => Running(_orders);
    public CapturedLogs Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _skipReason = await TestInfrastructure.UnavailableReasonAsync();
        if (_skipReason is not null) return;
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("TrayBridge.Catalog", LogLevel.Information).AddProvider(Logs);
        builder.Configuration.AddInMemoryCollection(_tokens.Settings.ToDictionary(s => s.Key.Replace("__", ":"), s => (string?)s.Value)
            .Append(new("ConnectionStrings:postgres", _infrastructure.PostgresConnectionString))
            .Append(new("ConnectionStrings:rabbitmq", _infrastructure.RabbitConnectionString))
            .Append(new("Catalog:PublicBaseUrl", "http://127.0.0.1:1")));
        builder.AddServiceDefaults("catalog");
        builder.AddCatalog();
        // Its queues must be bound before the first request is published, or that request goes nowhere.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        _catalog = builder.Build();
        _catalog.UseServiceDefaults("/api/catalog");
        _catalog.MapCatalogApi();
        await _catalog.StartAsync();
        _orders = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(_infrastructure.RabbitConnectionString));
            // The connector, as the Catalog asks it about a store it has not heard StoreConnected of: here it has no other
            // stores than the ones a test connects (by publishing StoreConnected), so it answers "not connected".
            rabbit.ReceiveEndpoint("catalog-tests-connector", endpoint => endpoint.Handler<StoreConnectionRequested>(context =>
                context.RespondAsync(new StoreConnection(context.Message.TenantId, context.Message.StoreId, false, null, null, DateTimeOffset.UtcNow),
                    response => response.Headers.Set(TenantClaims.Header, context.Message.TenantId))));
        });
        await _orders.StartAsync();
    }

    /// <summary>Asks as Orders does: published (no queue name to know), with the tenant header its send filter sets.</summary>
    public async Task<ProductsEnsured> EnsureAsync(EnsureProducts request, Guid? messageId = null)
    {
        var client = Bus.CreateRequestClient<EnsureProducts>(Timeout);
        var response = await client.GetResponse<ProductsEnsured>(request, x => x.UseExecute(context =>
        {
            context.Headers.Set(TenantClaims.Header, request.TenantId);
            if (messageId is not null) context.MessageId = messageId;
        }), TestContext.Current.CancellationToken);
        return response.Message;
    }

    /// <summary>The Catalog's HTTP API as a tenant's user calls it (bearer token, no gateway).</summary>
    public HttpClient Client(string tenantId)
    {
        var address = Running(_catalog).Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", _tokens.For(tenantId));
        return client;
    }

    public Task PublishAsync<T>(T message) where T : class, ITenantMessage =>
        Bus.Publish(message, context => context.Headers.Set(TenantClaims.Header, message.TenantId), TestContext.Current.CancellationToken);

    private T Running<T>(T? value) where T : class
    {
        if (_skipReason is not null) Assert.Skip(_skipReason);
        return value ?? throw new InvalidOperationException("The harness did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_orders is not null) await _orders.StopAsync(CancellationToken.None);
        if (_catalog is not null)
        {
            await _catalog.StopAsync();
            await _catalog.DisposeAsync();
        }
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(nameof(CatalogHarness))]
public sealed class CatalogHarnessCollection : ICollectionFixture<CatalogHarness>;
