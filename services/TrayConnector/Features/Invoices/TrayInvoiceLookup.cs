using System.Net;
using System.Text.Json;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>Finds our NF-e among a Tray order's invoices (<c>GET /orders/{id}/invoices</c>, tray-api.md §5.3): by key,
/// else by number and serie. Read before every POST, so a retry never posts twice.</summary>
public sealed class TrayInvoiceLookup(TrayApiClient tray)
{
    public async Task<string?> FindAsync(string tenantId, InvoiceDelivery delivery, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            body = await tray.GetAsync<JsonElement>(tenantId, delivery.StoreId, $"orders/{delivery.TrayOrderId}/invoices",
                TrayPriority.InvoiceAndStatus, cancellationToken);
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null; // no invoices, or no order: the POST that follows tells which
        }
        // ProductCfop sits beside or inside OrderInvoice depending on the endpoint: only OrderInvoice's own fields are read.
        var number = delivery.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var serie = delivery.Series.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var invoice in body.List("OrderInvoices", "OrderInvoice"))
        {
            var key = invoice.Text("key");
            if (key == delivery.Key || (key is null && invoice.Text("number") == number && (invoice.Text("serie") ?? serie) == serie))
                return invoice.Id("id") ?? "";
        }
        return null;
    }
}
