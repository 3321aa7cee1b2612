using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tests;

public sealed class InvoiceTests
{
    private const string Key = "35260312345678000190550010000012341000012345";

    /// <summary>An authorized NF-e as SEFAZ returns it (namespaces, the key in <c>infNFe/@Id</c> and in the protocol).</summary>
    public static string NfeProc(string key, bool withProtocol = true) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><nfeProc xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><NFe><infNFe Id=\"NFe{key}\" versao=\"4.00\"><ide><nNF>1234</nNF></ide></infNFe></NFe>"
        + (withProtocol ? $"<protNFe versao=\"4.00\"><infProt><chNFe>{key}</chNFe><cStat>100</cStat></infProt></protNFe>" : "") + "</nfeProc>";

    private static JsonObject Invoice(string number, string? xml = null) => new()
    {
        ["issue_date"] = "2026-03-02", ["number"] = number, ["serie"] = "1", ["value"] = "199.90",
        ["key"] = Key, ["link"] = "https://erp.example/danfe/1234.pdf", ["xml_danfe"] = xml ?? NfeProc(Key),
        ["ProductCfop"] = new JsonArray(new JsonObject { ["product_id"] = "1", ["variation_id"] = "0", ["cfop"] = "5102" }),
    };

    [Fact]
    public async Task Xml_danfe_must_be_the_nfeProc_of_the_invoice_key_and_is_kept_as_sent()
    {
        await using var tray = await TraySession.StartAsync(orders: 1);
        await tray.AuthorizeAsync();
        var order = (string)(await tray.GetJsonAsync("orders"))["Orders"]![0]!["Order"]!["id"]!;

        foreach (var wrong in new[] { "https://erp.example/xml/1234.xml", NfeProc("35260312345678000190550010000099991000099999"), "<NFe/>" })
        {
            var refused = await tray.PostJsonAsync($"orders/{order}/invoices", Invoice("1", wrong));
            Assert.Equal(400, (int)refused.StatusCode);
            var error = System.Text.Json.Nodes.JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            Assert.Contains("xml_danfe", (string)error["causes"]![0]!);
        }
        Assert.Empty((await tray.GetJsonAsync($"orders/{order}/invoices"))["OrderInvoices"]!.AsArray());

        await tray.CreateAsync($"orders/{order}/invoices", Invoice("2"));
        await tray.CreateAsync($"orders/{order}/invoices", Invoice("3", NfeProc(Key, withProtocol: false))); // the key from infNFe/@Id
        var kept = (await tray.GetJsonAsync($"orders/{order}/invoices"))["OrderInvoices"]!.AsArray();
        Assert.Equal(NfeProc(Key), (string)kept[0]!["OrderInvoice"]!["xml_danfe"]!);
        Assert.Equal(NfeProc(Key, withProtocol: false), (string)kept[1]!["OrderInvoice"]!["xml_danfe"]!);

        tray.Host.Admin.UpdateSettings(s => s with { RequireNfeProcXml = false });
        await tray.CreateAsync($"orders/{order}/invoices", Invoice("4", "https://erp.example/xml/1234.xml"));
    }

    /// <summary>Tray documents GET, POST and PUT on an order's invoices, no DELETE (tray-api.md §5.1): a cancelled NF-e's
    /// invoice is replaced by the order's next note with a PUT, under the same checks as a POST; a DELETE removes nothing.</summary>
    [Fact]
    public async Task An_invoice_is_replaced_by_PUT_under_the_same_checks_and_no_DELETE_removes_it()
    {
        await using var tray = await TraySession.StartAsync(orders: 1);
        await tray.AuthorizeAsync();
        var order = (string)(await tray.GetJsonAsync("orders"))["Orders"]![0]!["Order"]!["id"]!;
        var id = await tray.CreateAsync($"orders/{order}/invoices", Invoice("1234"));
        const string next = "35260312345678000190550010000012351000012350";

        Assert.False((await tray.Http.DeleteAsync(tray.Url($"orders/{order}/invoices/{id}"), TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        var refused = await tray.PutJsonAsync($"orders/{order}/invoices/{id}", Invoice("1235", NfeProc(next)));
        Assert.Equal(400, (int)refused.StatusCode); // the old key with the new note's XML: refused, nothing changed
        var wrapped = new JsonObject { ["OrderInvoice"] = Invoice("1235", NfeProc(next)) };
        wrapped["OrderInvoice"]!["key"] = next;
        var saved = await tray.PutJsonAsync($"orders/{order}/invoices/{id}", wrapped);
        Assert.Equal(200, (int)saved.StatusCode);

        var kept = Assert.Single((await tray.GetJsonAsync($"orders/{order}/invoices"))["OrderInvoices"]!.AsArray())!["OrderInvoice"]!;
        Assert.Equal((id, "1235", next, NfeProc(next)), ((string)kept["id"]!, (string)kept["number"]!, (string)kept["key"]!, (string)kept["xml_danfe"]!));
    }

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
