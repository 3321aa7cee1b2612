using Marten;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary><c>GET /api/tray/invoices?storeId=</c>: each NF-e sent (or being sent) to a store's Tray orders, newest first,
/// with its state, Tray's invoice id, whether the order's status moved (or why not) and the last error.</summary>
public static class InvoicesApi
{
    public static void MapInvoicesApi(this WebApplication app)
    {
        app.MapPost("/api/tray/invoices/retry", RetryInvoice.HandleAsync).WithTags("Invoices");
        app.MapGet("/api/tray/invoices", async (string? storeId, string? trayOrderId, IDocumentStore documents, TenantContext tenant,
                CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(storeId))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["storeId"] = ["The Tray store id is required."] });
                await using var session = documents.QuerySession(tenant.Require());
                var query = session.Query<InvoiceDelivery>().Where(d => d.StoreId == storeId);
                if (!string.IsNullOrWhiteSpace(trayOrderId)) query = query.Where(d => d.TrayOrderId == trayOrderId);
                var items = await query.OrderByDescending(d => d.ReceivedAt).Take(500).ToListAsync(cancellationToken);
                return Results.Ok(new { total = items.Count, items });
            })
            .WithTags("Invoices");
    }
}
