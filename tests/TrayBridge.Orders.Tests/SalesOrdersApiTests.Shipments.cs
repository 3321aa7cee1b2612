using System.Net;
using System.Net.Http.Json;
using Marten;
using TrayBridge.Api;
using TrayBridge.Api.Orders;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.Orders.Tests;

/// <summary>The dispatch of invoiced orders, one by one and in bulk: recorded with its <c>SalesOrderShipped</c> in one commit.</summary>
public sealed partial class SalesOrdersApiTests
{
    private async Task<List<SalesOrderShipped>> ShippedEventsAsync(string tenant, Guid id)
    {
        await using var session = harness.Store.QuerySession(tenant);
        return (await session.Events.FetchStreamAsync(id, token: Cancel)).Select(e => e.Data).OfType<SalesOrderShipped>().ToList();
    }

    [Fact]
    public async Task An_invoiced_order_ships_once_for_the_same_data_a_correction_replaces_it_and_each_is_one_SalesOrderShipped()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);
        var invoiced = seeded["invoiced"];
        var request = new ShipmentRequest("Correios", " QB123456789BR ", "https://rastreio.example/QB123456789BR", new DateOnly(2026, 3, 5));

        var shipped = await OkAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{invoiced.Id}/shipment", request, Cancel));
        Assert.Equal(new ShipmentData("Correios", "QB123456789BR", "https://rastreio.example/QB123456789BR", new DateOnly(2026, 3, 5),
            shipped.ShipmentInfo!.RecordedAt), shipped.ShipmentInfo);
        Assert.Equal(SalesOrderSituations.Invoiced, shipped.Situation);
        await OkAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{invoiced.Id}/shipment", request, Cancel)); // the same again
        var first = Assert.Single(await ShippedEventsAsync(tenant, invoiced.Id));
        Assert.Equal((invoiced.StoreId, invoiced.TrayOrderId, "QB123456789BR", new DateOnly(2026, 3, 5)),
            (first.StoreId, first.TrayOrderId, first.TrackingCode, first.ShippedAt));

        var corrected = await OkAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{invoiced.Id}/shipment", request with { TrackingCode = "QB987654321BR" }, Cancel));
        Assert.Equal("QB987654321BR", corrected.ShipmentInfo!.TrackingCode);
        Assert.Equal(["QB123456789BR", "QB987654321BR"], (await ShippedEventsAsync(tenant, invoiced.Id)).Select(e => e.TrackingCode));
        var row = (await ListAsync(erp, $"storeId={Store}&ids={invoiced.Id}")).Items.Single();
        Assert.Equal("QB987654321BR", row.ShipmentInfo!.TrackingCode);
    }

    [Fact]
    public async Task A_shipment_is_refused_before_the_NFe_with_409_and_without_a_code_with_400_and_nothing_is_published()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);

        await AssertProblemAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{seeded["ready"].Id}/shipment",
            new ShipmentRequest("Correios", "QB123456789BR", null, null), Cancel), HttpStatusCode.Conflict, OrderProblemCodes.NotInvoiced);
        await AssertProblemAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{seeded["invoiced"].Id}/shipment",
            new ShipmentRequest("Correios", "  ", null, null), Cancel), HttpStatusCode.BadRequest, ApiProblem.Validation,
            ("trackingCode", "Informe o código de rastreio."));
        await AssertProblemAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{seeded["invoiced"].Id}/shipment",
            new ShipmentRequest("Correios", "QB1", "javascript:alert(1)", null), Cancel), HttpStatusCode.BadRequest, ApiProblem.Validation);
        await AssertProblemAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{Guid.NewGuid()}/shipment",
            new ShipmentRequest("Correios", "QB1", null, null), Cancel), HttpStatusCode.NotFound, OrderProblemCodes.SalesOrderNotFound);
        Assert.Empty(await ShippedEventsAsync(tenant, seeded["ready"].Id));
        Assert.Empty(await ShippedEventsAsync(tenant, seeded["invoiced"].Id));
        Assert.Null((await harness.LoadAsync(tenant, seeded["invoiced"].Id)).Dispatch);
    }

    [Fact]
    public async Task The_bulk_form_answers_each_order_on_its_own_and_is_bounded()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);
        BulkShipmentItem Item(Guid id, string code) => new(id, "Jadlog", code, null, null);

        var response = await erp.PostAsJsonAsync("api/orders/sales-orders/shipments", new BulkShipmentRequest(
            [Item(seeded["invoiced"].Id, "JD1"), Item(seeded["ready"].Id, "JD2"), Item(seeded["cancelled"].Id, "JD3"), Item(Guid.NewGuid(), "JD4"),
             Item(seeded["pending"].Id, "")]), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<BulkShipmentResult>(Cancel))!;
        Assert.Equal((1, 0, 4), (result.Shipped, result.Unchanged, result.Refused));
        Assert.Equal([ShipmentOutcomes.Shipped, ShipmentOutcomes.Refused, ShipmentOutcomes.Refused, ShipmentOutcomes.Refused, ShipmentOutcomes.Refused],
            result.Items.Select(i => i.Outcome));
        Assert.Equal([null, OrderProblemCodes.NotInvoiced, OrderProblemCodes.NotInvoiced, OrderProblemCodes.SalesOrderNotFound, ApiProblem.Validation],
            result.Items.Select(i => i.Reason?.Code));
        Assert.All(result.Items.Where(i => i.Reason is not null), i => Assert.False(string.IsNullOrWhiteSpace(i.Reason!.Detail)));
        Assert.Single(await ShippedEventsAsync(tenant, seeded["invoiced"].Id));

        var again = (await (await erp.PostAsJsonAsync("api/orders/sales-orders/shipments",
            new BulkShipmentRequest([Item(seeded["invoiced"].Id, "JD1")]), Cancel)).Content.ReadFromJsonAsync<BulkShipmentResult>(Cancel))!;
        Assert.Equal(ShipmentOutcomes.Unchanged, Assert.Single(again.Items).Outcome);
        await AssertProblemAsync(await erp.PostAsJsonAsync("api/orders/sales-orders/shipments", new BulkShipmentRequest(
            [.. Enumerable.Range(0, ShipmentLimits.MaxBulkItems + 1).Select(_ => Item(Guid.NewGuid(), "X"))]), Cancel), HttpStatusCode.BadRequest, ApiProblem.Validation);
        await AssertProblemAsync(await erp.PostAsJsonAsync("api/orders/sales-orders/shipments", new BulkShipmentRequest([]), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation);
    }

    [Fact]
    public async Task The_openapi_document_names_the_shipment_records()
    {
        using var erp = harness.Client(NewTenant());
        var document = await erp.GetStringAsync("api/orders/openapi/v1.json", Cancel);
        foreach (var schema in new[] { nameof(ShipmentRequest), nameof(BulkShipmentRequest), nameof(BulkShipmentResult), nameof(ShipmentData) })
            Assert.Contains($"\"{schema}\"", document);
    }
}
