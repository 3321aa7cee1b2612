using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A connected store with one paid order, the Invoicing service's side of the bus (publishes <c>NfeIssued</c>,
/// hears <c>TrayInvoiceSent</c> / <c>TraySyncFailed</c>, serves each note's signed XML link as Invoicing's public endpoint
/// does), and what Tray holds for the order.</summary>
public sealed class InvoiceFeedbackDriver : IAsyncDisposable
{
    public const string Tenant = "tenant-invoices";
    public const string Store = "580001";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private IBusControl? _outcomes;
    private WebApplication? _xmlLinks;
    private int _xmlFailures;

    /// <summary>Where the notes' XML links point: <c>/xml/{key}</c> answers <see cref="NfeProc"/> of the key.</summary>
    public Uri XmlBase { get; private set; } = null!;
    /// <summary>How many XML link reads are served so far.</summary>
    public int XmlReads;

    /// <summary>The next <paramref name="count"/> XML link reads answer 503, as Invoicing down would.</summary>
    public void FailXmlReads(int count) => Volatile.Write(ref _xmlFailures, count);

    /// <summary>The authorized note Invoicing's XML link serves for a key.</summary>
    public static string NfeProc(string key) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><nfeProc xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><NFe><infNFe Id=\"NFe{key}\" versao=\"4.00\"><ide><nNF>1</nNF></ide></infNFe></NFe>"
        + $"<protNFe versao=\"4.00\"><infProt><chNFe>{key}</chNFe><cStat>100</cStat></infProt></protNFe></nfeProc>";

    public required ConnectorHarness Harness { get; init; }
    public required BusProbe Probe { get; init; }
    public ConcurrentQueue<TrayInvoiceSent> Sent { get; } = new();
    public ConcurrentQueue<TraySyncFailed> SyncFailed { get; } = new();

    public static async Task<InvoiceFeedbackDriver> StartAsync(InvoiceBodyForm form = InvoiceBodyForm.FlatOrWrapped,
        ProductCfopPlacement cfop = ProductCfopPlacement.Sibling, string? invoicedStatusId = "69", int? dueWorkAttempts = null,
        string? shippedStatusId = "17", TimeSpan? dueWorkLease = null)
    {
        var extra = new Dictionary<string, string?>();
        if (dueWorkAttempts is { } attempts) extra["DueWork:MaxAttempts"] = attempts.ToString(CultureInfo.InvariantCulture);
        if (dueWorkLease is { } lease) extra["DueWork:Lease"] = lease.ToString();
        var harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100, extraSettings: extra);
        harness.Simulator.Admin.UpdateSettings(s => s with { InvoiceBody = form, OrderInvoicesProductCfop = cfop });
        var driver = new InvoiceFeedbackDriver { Harness = harness, Probe = await BusProbe.StartAsync(harness) };
        driver._outcomes = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(harness.Infrastructure.RabbitConnectionString));
            cfg.ReceiveEndpoint("erp-probe-invoice-outcomes", endpoint =>
            {
                endpoint.Handler<TrayInvoiceSent>(c => { driver.Sent.Enqueue(c.Message); return Task.CompletedTask; });
                endpoint.Handler<TraySyncFailed>(c => { driver.SyncFailed.Enqueue(c.Message); return Task.CompletedTask; });
            });
        });
        await driver._outcomes.StartAsync(Cancel);
        await driver.StartXmlLinksAsync();
        await harness.ConnectAsync(Tenant, Store, products: 6);
        if (invoicedStatusId is not null) await driver.MapInvoicedStatusAsync(invoicedStatusId, shippedStatusId);
        return driver;
    }

    private async Task StartXmlLinksAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _xmlLinks = builder.Build();
        _xmlLinks.MapGet("/xml/{key}", (string key) =>
        {
            if (Interlocked.Decrement(ref _xmlFailures) >= 0) return Results.StatusCode(503);
            Interlocked.Increment(ref XmlReads);
            return Results.Text(NfeProc(key), "application/xml");
        });
        await _xmlLinks.StartAsync(Cancel);
        XmlBase = new Uri(_xmlLinks.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task MapInvoicedStatusAsync(string statusId, string? shippedId = "17")
    {
        using var client = Harness.Client(Tenant);
        // 409 when the connector's own read of the statuses commits meanwhile: repeat, as the API says.
        await Eventually.ReturnsAsync(async () => (await client.PutAsJsonAsync("api/tray/orders/statuses", new
        {
            storeId = Store, approvedIds = new[] { "16" }, invoicedId = statusId, shippedId, cancelledIds = new[] { "82" },
        }, Cancel)).StatusCode, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(15), "the invoiced status mapped");
    }

    public async Task<HttpStatusCode> RetryAsync(NfeIssued nfe)
    {
        using var client = Harness.Client(Tenant);
        return (await client.PostAsJsonAsync("api/tray/invoices/retry", new { storeId = nfe.StoreId, trayOrderId = nfe.TrayOrderId, key = nfe.ChaveDeAcesso },
            Cancel)).StatusCode;
    }

    public long PlaceOrder() => Harness.Simulator.Admin.CreateOrder(Store, status: "A ENVIAR");

    public JsonNode Order(long id) => Harness.Simulator.Admin.Orders.Complete(Store, id)["Order"]!;

    /// <summary>The NF-e Invoicing would publish for a Tray order: its lines' Tray ids with CFOP 5102, its total.</summary>
    public NfeIssued Nfe(long orderId, int number)
    {
        var order = Order(orderId);
        var items = order["ProductsSold"]!.AsArray().Select(p => p!["ProductsSold"]!)
            .Select(p => new NfeItemCfop(p["product_id"]!.GetValue<string>(), p["variant_id"]?.GetValue<string>() is "0" or null
                ? null : p["variant_id"]!.GetValue<string>(), "5102")).ToList();
        var key = $"3526115912345600019055001{number:D9}1{number:D8}".PadRight(44, '7')[..44];
        return new NfeIssued(Tenant, Store, orderId.ToString(CultureInfo.InvariantCulture), Guid.NewGuid(), key, number, 1,
            DateTimeOffset.UtcNow, decimal.Parse(order["total"]!.GetValue<string>(), CultureInfo.InvariantCulture), "135260000000001",
            $"https://erp.example/danfe/{key}", new Uri(XmlBase, $"xml/{key}").ToString(), items, DateTimeOffset.UtcNow);
    }

    public static List<JsonNode> Invoices(JsonNode order) =>
        order["OrderInvoice"]!.AsArray().Select(i => i!["OrderInvoice"]!).ToList();

    public async Task<JsonElement> DeliveryAsync(string trayOrderId)
    {
        using var client = Harness.Client(Tenant);
        var list = await client.GetFromJsonAsync<JsonElement>($"api/tray/invoices?storeId={Store}&trayOrderId={trayOrderId}", Cancel);
        return list.GetProperty("items").EnumerateArray().SingleOrDefault();
    }

    /// <summary>Waits until the delivery leaves <c>Pendente</c>.</summary>
    public Task<JsonElement> SettledAsync(string trayOrderId, int seconds = 30) => Eventually.ReturnsAsync(() => DeliveryAsync(trayOrderId),
        d => d.ValueKind == JsonValueKind.Object && d.GetProperty("state").GetString() != "Pendente", TimeSpan.FromSeconds(seconds),
        $"the delivery of order {trayOrderId}");

    public int InvoicePosts(long orderId) => Harness.Simulator.Admin.Requests(Store, 500)
        .Count(r => r.Method == "POST" && r.Path.Contains($"/orders/{orderId}/invoices", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (_outcomes is not null) await _outcomes.StopAsync(CancellationToken.None);
        if (_xmlLinks is not null) await _xmlLinks.DisposeAsync();
        await Probe.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
