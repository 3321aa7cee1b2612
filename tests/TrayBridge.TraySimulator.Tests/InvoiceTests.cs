using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tests;

public sealed class InvoiceTests
{
    private static JsonObject Invoice(string number) => new()
    {
        ["issue_date"] = "2026-03-02", ["number"] = number, ["serie"] = "1", ["value"] = "199.90",
        ["key"] = "35260312345678000190550010000012341000012345", ["link"] = "https://erp.example/danfe/1234.pdf", ["xml_danfe"] = "<nfeProc/>",
        ["ProductCfop"] = new JsonArray(new JsonObject { ["product_id"] = "1", ["variation_id"] = "0", ["cfop"] = "5102" }),
    };

    [Fact]
    public async Task Flat_and_wrapped_invoices_are_accepted_and_read_back_in_both_documented_shapes()
    {
        await using var tray = await TraySession.StartAsync(orders: 1);
        await tray.AuthorizeAsync();
        var order = (string)(await tray.GetJsonAsync("orders"))["Orders"]![0]!["Order"]!["id"]!;

        var flat = await tray.CreateAsync($"orders/{order}/invoices", Invoice("1234"));
        await tray.CreateAsync($"orders/{order}/invoices", new JsonObject { ["OrderInvoice"] = Invoice("1235") });

        var ofOrder = await tray.GetJsonAsync($"orders/{order}/invoices");
        Assert.False(ofOrder.ContainsKey("paging"));
        var first = ofOrder["OrderInvoices"]![0]!.AsObject();
        Assert.Equal("1234", (string)first["OrderInvoice"]!["number"]!);
        Assert.Equal("5102", (string)first["ProductCfop"]![0]!["cfop"]!);
        Assert.Equal(flat, (string)first["ProductCfop"]![0]!["order_invoice_id"]!);
        Json.AllScalarsAreStrings(first["OrderInvoice"]!.AsObject());
        var storeWide = await tray.GetJsonAsync("orders/invoices");
        Assert.Equal(2, (int)storeWide["paging"]!["total"]!);
        Assert.Equal("5102", (string)storeWide["OrderInvoices"]![0]!["OrderInvoice"]!["ProductCfop"]![0]!["cfop"]!);
        var listed = (await tray.GetJsonAsync("orders", $"id={order}"))["Orders"]![0]!["Order"]!;
        Assert.Equal("1", (string)listed["has_invoice"]!);
        Assert.Equal(2, listed["OrderInvoice"]!.AsArray().Count);
    }

    [Fact]
    public async Task In_strict_wrapped_mode_a_flat_invoice_is_refused_and_nested_placement_moves_ProductCfop_inside()
    {
        await using var tray = await TraySession.StartAsync(orders: 1);
        await tray.AuthorizeAsync();
        tray.Host.Admin.UpdateSettings(s => s with { InvoiceBody = InvoiceBodyForm.WrappedOnly, OrderInvoicesProductCfop = ProductCfopPlacement.Nested });
        var order = (string)(await tray.GetJsonAsync("orders"))["Orders"]![0]!["Order"]!["id"]!;

        Assert.Equal(400, (int)(await tray.PostJsonAsync($"orders/{order}/invoices", Invoice("1"))).StatusCode);
        await tray.CreateAsync($"orders/{order}/invoices", new JsonObject { ["OrderInvoice"] = Invoice("2") });

        var element = (await tray.GetJsonAsync($"orders/{order}/invoices"))["OrderInvoices"]![0]!.AsObject();
        Assert.False(element.ContainsKey("ProductCfop"));
        Assert.Single(element["OrderInvoice"]!["ProductCfop"]!.AsArray());
    }

    [Fact]
    public async Task Order_statuses_list_with_scattered_ids_and_a_custom_status_can_be_created()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var id = await tray.CreateAsync("orders/statuses", new JsonObject { ["OrderStatus"] = new JsonObject { ["status"] = "FATURADO", ["description"] = "Nota emitida" } });
        var list = await tray.GetJsonAsync("orders/statuses");

        var names = list["OrderStatuses"]!.AsArray().Select(s => (string)s!["OrderStatus"]!["status"]!).ToList();
        Assert.Contains("A ENVIAR", names);
        Assert.Contains("FATURADO", names);
        Assert.Equal(["status", "id", "show_backoffice"], list["OrderStatuses"]![0]!["OrderStatus"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["status", "id", "default"], (await tray.GetJsonAsync($"orders/statuses/{id}"))["OrderStatus"]!.AsObject().Select(p => p.Key));
    }
}
