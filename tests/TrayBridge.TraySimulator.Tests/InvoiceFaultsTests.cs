using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>The scripted invoice-POST faults: exactly the next N POSTs fail, before or after storing, then all is normal.</summary>
public sealed class InvoiceFaultsTests
{
    private static JsonObject Invoice(string number) => new()
    {
        ["issue_date"] = "2026-03-02", ["number"] = number, ["serie"] = "1", ["value"] = "10.00",
        ["key"] = $"3526031234567800019055001000000{number}1000012345".PadRight(44, '0')[..44],
    };

    [Fact]
    public async Task Scripted_invoice_POST_faults_fail_exactly_the_next_posts_one_after_storing()
    {
        await using var tray = await TraySession.StartAsync(orders: 1);
        await tray.AuthorizeAsync();
        var order = (string)(await tray.GetJsonAsync("orders"))["Orders"]![0]!["Order"]!["id"]!;
        var scripted = await tray.Http.PutAsJsonAsync($"/admin/stores/{tray.Store.StoreId}/faults/invoice-posts",
            new { script = new[] { "Error500", "FailAfterCommit" } }, Test.Ct);
        Assert.Equal(2, (int)(await scripted.Content.ReadFromJsonAsync<JsonObject>(Test.Ct))!["remaining"]!);

        Assert.Equal(500, (int)(await tray.PostJsonAsync($"orders/{order}/invoices", Invoice("1"))).StatusCode);
        Assert.Empty((await tray.GetJsonAsync($"orders/{order}/invoices"))["OrderInvoices"]!.AsArray());
        Assert.Equal(500, (int)(await tray.PostJsonAsync($"orders/{order}/invoices", Invoice("2"))).StatusCode);
        Assert.Single((await tray.GetJsonAsync($"orders/{order}/invoices"))["OrderInvoices"]!.AsArray()); // stored all the same
        Assert.Equal(201, (int)(await tray.PostJsonAsync($"orders/{order}/invoices", Invoice("3"))).StatusCode);
        Assert.Equal(0, tray.Host.Admin.InvoiceFaults.Remaining(tray.Store.StoreId));
    }
}
