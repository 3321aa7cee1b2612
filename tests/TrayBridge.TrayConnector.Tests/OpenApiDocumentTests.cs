using System.Net.Http.Json;
using System.Text.Json;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>The connector's OpenAPI document describes what each endpoint answers, by the records the panel reads
/// (TypedResults): a client can be generated from it, and a handler that slips back to a bare IResult shows here.</summary>
public sealed class OpenApiDocumentTests : IAsyncDisposable
{
    private ConnectorHarness? _harness;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_panel_endpoint_documents_its_answer_record_and_its_problem_answers()
    {
        _harness = await ConnectorHarness.StartAsync();
        using var client = _harness.Client("tenant-openapi");

        var document = await client.GetFromJsonAsync<JsonElement>("api/tray/openapi/v1.json", Cancel);

        var paths = document.GetProperty("paths");
        string SchemaOf(string path, string method, string status)
        {
            var content = paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status).GetProperty("content");
            var schema = content.EnumerateObject().First().Value.GetProperty("schema");
            if (schema.TryGetProperty("items", out var items)) schema = items;
            return schema.GetProperty("$ref").GetString()!.Split('/').Last();
        }
        Assert.Equal("VirtualStore", SchemaOf("/api/stores", "get", "200"));
        Assert.Equal("VirtualStore", SchemaOf("/api/stores", "post", "201"));
        Assert.Equal("StoreCheckResult", SchemaOf("/api/stores/{storeId}/check", "post", "200"));
        Assert.Equal("TrayOrderPage", SchemaOf("/api/tray/orders", "get", "200"));
        Assert.Equal("ImportAccepted", SchemaOf("/api/tray/orders/import", "post", "202"));
        Assert.Equal("ImportProgress", SchemaOf("/api/tray/orders/imports/{importId}", "get", "200"));
        Assert.Equal("OrderStatusRoles", SchemaOf("/api/tray/orders/statuses", "put", "200"));
        Assert.Equal("CatalogMapping", SchemaOf("/api/tray/stores/{storeId}/catalog-mapping", "get", "200"));
        Assert.Equal("TrayCategory", SchemaOf("/api/tray/stores/{storeId}/tray-categories", "get", "200"));
        Assert.Equal("TrayBrand", SchemaOf("/api/tray/stores/{storeId}/tray-brands", "get", "200"));
        Assert.Equal("InvoiceDeliveryList", SchemaOf("/api/tray/invoices", "get", "200"));
        Assert.Equal("ShipmentDeliveryList", SchemaOf("/api/tray/shipments", "get", "200"));
        Assert.Equal("ShipmentDeliveryItem", SchemaOf("/api/tray/shipments/retry", "post", "202"));
        Assert.Equal("OrderCancellationItem", SchemaOf("/api/tray/orders/cancellations/retry", "post", "202"));
        Assert.Equal("StoreActivityPage", SchemaOf("/api/tray/stores/{storeId}/activity", "get", "200"));
        Assert.Equal("ProductSyncStatus", SchemaOf("/api/tray/product-sync/{productId}", "get", "200"));
        Assert.Equal("ProblemDetails", SchemaOf("/api/stores/{storeId}", "delete", "404"));
        Assert.Equal("HttpValidationProblemDetails", SchemaOf("/api/stores", "post", "400"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
