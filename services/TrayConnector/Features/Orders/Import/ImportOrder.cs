using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.Orders.Import;

/// <summary>Takes one order in full for import and publishes <c>TrayOrderFetched</c>: the mirror's read when it is recent
/// (a poll or webhook just read it), else a new read. Lines whose product the ERP does not know get NCM and EAN from
/// <see cref="TrayProductFiscal"/>. The mirror keeps the content imported, to notice later edits.</summary>
public sealed class ImportOrder(IDocumentStore documents, OrderMirror mirror, TrayProductFiscal products, TrayApiClient tray,
    IOptions<OrderSettings> options, Activity.StoreActivityLog activity) : IDueWorkHandler
{
    public const string DueWorkKind = "tray.order-import";

    public sealed record Payload(string StoreId, string TrayOrderId);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var (storeId, trayOrderId) = item.PayloadAs<Payload>();
        try
        {
            var alreadyImported = false;
            var order = await mirror.RecentOrRefreshAsync(item.TenantId, storeId, trayOrderId, TrayPriority.ManualImport,
                options.Value.ReuseReadFor, cancellationToken, (row, fetched) =>
            {
                alreadyImported = !row.ImportStarted(fetched.ContentHash, fetched.Cancelled);
            });
            if (order is null || alreadyImported) return DueWorkOutcome.Done;
            order = order with { Items = await products.WithFiscalDataAsync(item.TenantId, storeId, order.Items, cancellationToken) };
            if (TrayOrderReading.LacksListAdjustments(order)) order = await WithListAdjustmentsAsync(item.TenantId, storeId, order, cancellationToken);
            await using var session = documents.LightweightSession(item.TenantId);
            session.AppendIntegrationEvent(Guid.CreateVersion7(), order);
            await session.SaveChangesAsync(cancellationToken);
            return DueWorkOutcome.Done;
        }
        catch (TrayBudgetExhaustedException e)
        {
            return DueWorkOutcome.Retry(e.RetryAt, "aguardando cota");
        }
        catch (Exception e) when (e is TrayApiException { Status: not HttpStatusCode.TooManyRequests and < HttpStatusCode.InternalServerError }
                                      or InvalidDataException or StoreUnavailableException)
        {
            // Tray refused for good, or answered something unreadable: visible on the row, and importable again after a fix.
            await mirror.UpdateAsync(item.TenantId, storeId, trayOrderId, (row, session) =>
            {
                row.TrayReadFailed(TrayProblems.Describe(e));
                activity.Record(session, new Activity.ActivityLine(storeId, StoreActivityKinds.OrderImport, StoreActivityResults.Error, row.Reason,
                    StoreActivitySubjects.Order, trayOrderId, trayOrderId));
            }, cancellationToken);
            return DueWorkOutcome.Done;
        }
    }

    /// <summary>One list call for the order's row, whose progressive discounts the Orders service needs to reconcile its total.</summary>
    private async Task<TrayOrderFetched> WithListAdjustmentsAsync(string tenantId, string storeId, TrayOrderFetched order, CancellationToken cancellationToken)
    {
        var page = await tray.GetAsync<JsonElement>(tenantId, storeId, $"orders?id={order.TrayOrderId}", TrayPriority.ManualImport, cancellationToken);
        var row = page.List("Orders", "Order").FirstOrDefault(r => r.Id("id") == order.TrayOrderId);
        return TrayOrderReading.WithListAdjustments(order, row);
    }
}
