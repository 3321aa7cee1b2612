using System.Net;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>Makes sure the NF-e exists on the Tray order exactly once and returns Tray's invoice id. Looks first only when an
/// earlier attempt's POST may have reached Tray (<paramref name="mayExist"/>): a first attempt posts at once, which saves a
/// call of the store's budget per invoice (issue 12); a lost answer is reconciled by looking again (<see cref="TrayApiClient.CreateAsync"/>). The body's
/// wrapper is disputed (tray-api.md §5.4): a 400 to the wrapped form is tried once more flat — a 400 means nothing was stored.</summary>
public sealed class TrayInvoicePoster(TrayApiClient tray, TrayInvoiceLookup lookup, InvoiceXmlSource xmls)
{
    /// <summary>With <paramref name="replacing"/> (the Tray id of the order's cancelled note, which Tray cannot delete) the
    /// note is put over that invoice (<c>PUT /orders/{id}/invoices/{invoice_id}</c>, §5.1) rather than posted beside it, so
    /// the order keeps one invoice, the valid one; gone from Tray meanwhile (404), it is posted.</summary>
    public async Task<string> EnsureAsync(string tenantId, InvoiceDelivery delivery, bool mayExist, string? replacing, CancellationToken cancellationToken)
    {
        if (mayExist && await lookup.FindAsync(tenantId, delivery, cancellationToken) is { } existing) return existing;
        // Read only when a POST follows, and read now: the note as Invoicing holds it at the moment it is sent.
        var nfeProc = await xmls.ReadAsync(delivery, cancellationToken);
        if (replacing is not null)
            try
            {
                return await WriteEitherFormAsync(body => PutAsync(tenantId, delivery, replacing, body, cancellationToken), delivery, nfeProc);
            }
            catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound)
            {
                // Removed on Tray's panel by hand: nothing to replace.
            }
        return await WriteEitherFormAsync(body => PostAsync(tenantId, delivery, body, cancellationToken), delivery, nfeProc);
    }

    private static async Task<string> WriteEitherFormAsync(Func<object, Task<string>> write, InvoiceDelivery delivery, string nfeProc)
    {
        try
        {
            return await write(TrayInvoiceBody.Wrapped(delivery, nfeProc));
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.BadRequest)
        {
            return await write(TrayInvoiceBody.Flat(delivery, nfeProc));
        }
    }

    // A PUT is idempotent: sent again after a lost answer it writes the same invoice, and the retry's look-up finds it by key.
    private async Task<string> PutAsync(string tenantId, InvoiceDelivery delivery, string trayInvoiceId, object body, CancellationToken cancellationToken)
    {
        (await tray.SendAsync(tenantId, delivery.StoreId, HttpMethod.Put, $"orders/{delivery.TrayOrderId}/invoices/{trayInvoiceId}", body,
            TrayPriority.InvoiceAndStatus, cancellationToken)).Dispose();
        return trayInvoiceId;
    }

    private Task<string> PostAsync(string tenantId, InvoiceDelivery delivery, object body, CancellationToken cancellationToken) =>
        tray.CreateAsync(tenantId, delivery.StoreId, $"orders/{delivery.TrayOrderId}/invoices", body,
            ct => lookup.FindAsync(tenantId, delivery, ct), TrayPriority.InvoiceAndStatus, cancellationToken);
}
