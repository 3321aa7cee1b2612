using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary><c>GET /api/tray/invoices?storeId=</c>: each NF-e sent (or being sent) to a store's Tray orders, newest first,
/// with its state, Tray's invoice id, whether the order's status moved (or why not) and the last error.</summary>
public static class InvoicesApi
{
    public static void MapInvoicesApi(this WebApplication app)
    {
        app.MapPost("/api/tray/invoices/retry", RetryInvoice.HandleAsync).WithTags("Invoices").ProducesTrayProblems(404, 409);
        app.MapGet("/api/tray/invoices", ListAsync).WithTags("Invoices");
    }

    private static async Task<Results<Ok<InvoiceDeliveryList>, ValidationProblem>> ListAsync(string? storeId, string? trayOrderId,
        IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(storeId)) return Problems.Validation("storeId", "Informe a loja (storeId).");
        await using var session = documents.QuerySession(tenant.Require());
        var query = session.Query<InvoiceDelivery>().Where(d => d.StoreId == storeId);
        if (!string.IsNullOrWhiteSpace(trayOrderId)) query = query.Where(d => d.TrayOrderId == trayOrderId);
        var items = await query.OrderByDescending(d => d.ReceivedAt).Take(InvoiceDeliveryList.MaxItems).ToListAsync(cancellationToken);
        return TypedResults.Ok(new InvoiceDeliveryList(items.Count, items.Select(View).ToList()));
    }

    public static InvoiceDeliveryItem View(InvoiceDelivery d) => new(d.Id, d.StoreId, d.TrayOrderId, d.SalesOrderId, d.Key, d.Number, d.Series,
        d.IssuedAt, d.Value, d.DanfeUrl, d.XmlUrl, d.Items.Select(i => new InvoiceItemCfop(i.TrayProductId, i.TrayVariantId, i.Cfop)).ToList(),
        d.State.ToString(), d.TrayInvoiceId, d.StatusMoved, d.StatusNote, d.Attempts, d.LastError, d.ReceivedAt, d.SentAt)
    {
        CancelledAt = d.CancelledAt, CancellationNote = d.CancellationNote, ReplacedByKey = d.ReplacedByKey,
    };
}
