using System.Text.Json;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>Which channel an order came from. Tray has no origin field (tray-api.md §4.9): a marketplace order carries
/// <c>MarketplaceOrder.marketplace_name</c>, Mercado Livre's native integration <c>MlOrder</c>, anything else its
/// <c>point_sale</c> ("LOJA VIRTUAL" for the storefront). <c>partner_name</c> is affiliate attribution, not a channel.</summary>
public static class OrderOrigin
{
    public const string MercadoLivre = "Mercado Livre";

    public static string Of(JsonElement order)
    {
        if (order.List("MarketplaceOrder", "MarketplaceOrder").Select(m => m.Text("marketplace_name")).FirstOrDefault(n => n is not null) is { } name)
            return name;
        if (order.List("MlOrder", "MlOrder").Any(m => m.IsPresent())) return MercadoLivre;
        return order.Text("point_sale") ?? "LOJA VIRTUAL";
    }
}
