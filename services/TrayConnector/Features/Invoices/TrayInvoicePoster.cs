using System.Net;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>Makes sure the NF-e exists on the Tray order exactly once and returns Tray's invoice id. Looks first only when an
/// earlier attempt's POST may have reached Tray (<paramref name="mayExist"/>): a first attempt posts at once, which saves a
/// call of the store's budget per invoice (issue 12); a lost answer is reconciled by looking again (<see cref="TrayApiClient.CreateAsync"/>). The body's
/// wrapper is disputed (tray-api.md §5.4): a 400 to the wrapped form is tried once more flat — a 400 means nothing was stored.</summary>
public sealed class TrayInvoicePoster(TrayApiClient tray, TrayInvoiceLookup lookup, InvoiceXmlSource xmls)
{
    public async Task<string> EnsureAsync(string tenantId, InvoiceDelivery delivery, bool mayExist, CancellationToken cancellationToken)
    {
        if (mayExist && await lookup.FindAsync(tenantId, delivery, cancellationToken) is { } existing) return existing;
        // Read only when a POST follows, and read now: the note as Invoicing holds it at the moment it is sent.
        var nfeProc = await xmls.ReadAsync(delivery, cancellationToken);
        try
        {
            return await PostAsync(tenantId, delivery, TrayInvoiceBody.Wrapped(delivery, nfeProc), cancellationToken);
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.BadRequest)
        {
            return await PostAsync(tenantId, delivery, TrayInvoiceBody.Flat(delivery, nfeProc), cancellationToken);
        }
    }

    private Task<string> PostAsync(string tenantId, InvoiceDelivery delivery, object body, CancellationToken cancellationToken) =>
        tray.CreateAsync(tenantId, delivery.StoreId, $"orders/{delivery.TrayOrderId}/invoices", body,
            ct => lookup.FindAsync(tenantId, delivery, ct), TrayPriority.InvoiceAndStatus, cancellationToken);
}
