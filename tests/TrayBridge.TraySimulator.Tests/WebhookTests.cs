using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task A_new_order_is_notified_form_encoded_with_Tray_fields()
    {
        var receiver = new WebhookReceiver();
        await using var listener = await LocalServer.StartAsync(receiver.Map);
        await using var tray = await TraySession.StartAsync(products: 2);
        await tray.AuthorizeAsync();
        var url = new Uri(listener.Address, "/webhooks/tray").ToString();
        tray.Host.Admin.ConfigureWebhooks(url);

        var id = tray.Host.Admin.CreateOrder(tray.Store.StoreId);
        var received = await Json.EventuallyAsync(() => receiver.Received.TryPeek(out var r) ? r : null);

        Assert.Equal(new Dictionary<string, string>
        {
            ["seller_id"] = tray.Store.StoreId, ["scope_name"] = "order", ["scope_id"] = id.ToString(), ["act"] = "insert",
            ["app_code"] = tray.App.AppCode, ["url_notification"] = url,
        }, received);
    }

    [Fact]
    public async Task A_notification_answered_with_other_than_200_is_delivered_again()
    {
        var receiver = new WebhookReceiver { FailFirst = 2 };
        await using var listener = await LocalServer.StartAsync(receiver.Map);
        await using var tray = await TraySession.StartAsync(s => s.WebhookRetryDelay = TimeSpan.FromMilliseconds(50));
        await tray.AuthorizeAsync();
        tray.Host.Admin.ConfigureWebhooks(new Uri(listener.Address, "/webhooks/tray").ToString());

        var product = await tray.CreateAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = "Caneca", ["price"] = "9" } });

        await Json.EventuallyAsync(() => tray.Host.Admin.WebhookDeliveries.FirstOrDefault(d => d.Status == 200));
        Assert.Equal([503, 503, 200], tray.Host.Admin.WebhookDeliveries.Select(d => d.Status));
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(("product", product, "insert"), (r["scope_name"], r["scope_id"], r["act"])));
    }

    [Fact]
    public async Task With_a_duplicate_share_of_1_every_notification_arrives_twice()
    {
        var receiver = new WebhookReceiver();
        await using var listener = await LocalServer.StartAsync(receiver.Map);
        await using var tray = await TraySession.StartAsync(orders: 0);
        tray.Host.Admin.ConfigureWebhooks(new Uri(listener.Address, "/webhooks/tray").ToString(), duplicateShare: 1);

        tray.Host.Admin.CreateOrder(tray.Store.StoreId, marketplace: "shopee");

        await Json.EventuallyAsync(() => receiver.Received.Count >= 2 ? receiver : null);
        Assert.Equal(receiver.Received.First(), receiver.Received.Last());
    }
}
