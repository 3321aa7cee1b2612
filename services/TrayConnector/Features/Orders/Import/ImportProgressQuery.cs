using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Listing;

namespace TrayBridge.TrayConnector.Features.Orders.Import;

/// <summary><c>GET /api/tray/orders/imports/{id}</c>: "n de N" and each order's result, read from the mirror as it is now,
/// so the screen can poll it and a reload finds it again.</summary>
public static class ImportProgressQuery
{
    public static async Task<Results<Ok<ImportProgress>, ProblemHttpResult>> HandleAsync(Guid importId, IDocumentStore documents,
        TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        if (await session.LoadAsync<OrderImport>(importId, cancellationToken) is not { } import)
            return Problems.NotFound(TrayProblemCodes.ImportNotFound, "Importação não encontrada nesta conta.");
        var rows = (await session.LoadManyAsync<MirroredOrder>(cancellationToken,
                import.TrayOrderIds.Select(id => MirroredOrder.IdFor(import.StoreId, id)).ToArray()))
            .ToDictionary(r => r.TrayOrderId.ToString(CultureInfo.InvariantCulture));
        var orders = import.TrayOrderIds.Select(id => Of(id, rows.GetValueOrDefault(id))).ToList();
        var integrated = orders.Count(o => o.Situation == OrderSituations.Integrated);
        var failed = orders.Count(o => o.Situation is OrderSituations.Error or OrderSituations.Divergent);
        var pending = orders.Count - integrated - failed;
        return TypedResults.Ok(new ImportProgress(import.Id, import.StoreId, import.CreatedAt, orders.Count, integrated + failed, integrated, pending,
            failed, pending == 0, orders));
    }

    /// <summary>Erro and Divergente are both ends that need a person (Divergente: Tray changed the order meanwhile, or its
    /// re-import failed); the others are on their way.</summary>
    private static ImportedOrder Of(string id, MirroredOrder? row)
    {
        if (row is null) return new(id, OrderSituations.Importing, null, null);
        var situation = OrderListQuery.Labels[row.Situation];
        var reason = row.Situation is OrderSituation.Erro or OrderSituation.Divergente
            ? new Reason(row.ReasonCode ?? DefaultCode(row.Situation), row.Reason ?? DefaultDetail(row.Situation))
            : null;
        return new(id, situation, reason, row.SalesOrderId);
    }

    private static string DefaultCode(OrderSituation situation) =>
        situation == OrderSituation.Divergente ? OrderReasonCodes.ChangedOnTray : OrderReasonCodes.ImportFailed;

    private static string DefaultDetail(OrderSituation situation) => situation == OrderSituation.Divergente
        ? "Pedido alterado na Tray depois da importação."
        : "A importação falhou.";
}
