using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary><c>POST /api/invoicing/batches {salesOrderIds}</c> → 202 at once with the batch's id: the batch and the due
/// work that issues it (<see cref="IssueBatchChunk"/>) commit together, so nothing waits on Orders or SEFAZ here and a
/// crash loses nothing. Only what stops the whole request is an error (no orders or more than 1,000, no emitter, no valid
/// certificate); each order's own problem shows on <c>GET /api/invoicing/batches/{id}</c>.</summary>
public static class IssueBatch
{
    public static async Task<Results<Accepted<BatchAccepted>, ValidationProblem, ProblemHttpResult>> HandleAsync(IssueBatchRequest request,
        IDocumentStore store, TenantContext tenant, DueWorkScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var ids = (request.SalesOrderIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Problems.Validation("salesOrderIds", "Informe ao menos um pedido de venda.");
        if (request.SalesOrderIds!.Count > IssueBatchRequest.MaxOrders)
            return Problems.Of(StatusCodes.Status400BadRequest, "batch.too_many_orders",
                $"Um lote tem no máximo {Thousands(IssueBatchRequest.MaxOrders)} pedidos de venda; foram enviados {Thousands(request.SalesOrderIds.Count)}. "
                + "Divida-os em lotes menores.");
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        if (EmitterReadiness.Problem(await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken), time.GetUtcNow()) is { } problem)
            return problem;

        var batch = new InvoiceBatch { Id = Guid.CreateVersion7(), CreatedAt = time.GetUtcNow(), SalesOrderIds = ids };
        session.Store(batch);
        scheduler.Schedule(session, IssueBatchChunk.Kind, new IssueBatchChunk.Payload(batch.Id), time.GetUtcNow());
        await session.SaveChangesAsync(cancellationToken);
        var location = $"/api/invoicing/batches/{batch.Id}";
        return TypedResults.Accepted(location, new BatchAccepted(batch.Id, ids.Count, location));
    }

    private static string Thousands(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');
}
