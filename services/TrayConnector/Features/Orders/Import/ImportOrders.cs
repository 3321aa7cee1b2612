using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Orders.Import;

/// <summary><c>POST /api/tray/orders/import</c>: 202 with the import's id. The import, its rows in <c>Importando</c> and
/// their due work commit together; an order already imported (or being imported) is not scheduled twice — and if it
/// were, the Orders service still makes one sales order of it.</summary>
public static class ImportOrders
{
    public static async Task<Results<Accepted<ImportAccepted>, ValidationProblem, ProblemHttpResult>> HandleAsync(ImportOrdersRequest request,
        IDocumentStore documents, TenantContext tenant, DueWorkScheduler scheduler, Operations.StoreOperations operations, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.StoreId)) errors["storeId"] = ["Informe a loja (storeId)."];
        var ids = (request.TrayOrderIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > ImportOrdersRequest.MaxOrders)
            errors["trayOrderIds"] = [$"Selecione de 1 a {ImportOrdersRequest.MaxOrders} pedidos da Tray."];
        else if (ids.FirstOrDefault(id => !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)) is { } bad)
            errors["trayOrderIds"] = [$"'{bad}' não é um número de pedido da Tray."];
        if (errors.Count > 0) return Problems.Validation(errors);

        var importId = Guid.CreateVersion7();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = documents.LightweightSession(tenant.Require());
            if (await session.LoadAsync<TrayStore>(request.StoreId!, cancellationToken) is not { } store) return TrayProblems.StoreNotFound();
            // A store the platform's operation disabled makes no Tray call: say so now rather than queue an import that waits.
            if (await operations.OfAsync(StoreHost.Of(store.ApiAddress), store.Id, cancellationToken) is { Disabled: true } disabled)
                return TrayProblems.Disabled(disabled.DisabledReason);
            var now = time.GetUtcNow();
            var (scheduled, skipped) = await ScheduleAsync(session, scheduler, request.StoreId!, ids, now, cancellationToken);
            session.Store(new OrderImport { Id = importId, StoreId = request.StoreId!, CreatedAt = now, TrayOrderIds = ids, Skipped = skipped });
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                var location = $"/api/tray/orders/imports/{importId}";
                return TypedResults.Accepted(location, new ImportAccepted(importId, location, scheduled, skipped));
            }
            // Another import of the same orders (a double click, another replica) committed first: look again, and
            // what it scheduled is now in progress.
            catch (Exception e) when (attempt < 5 && WriteConflicts.IsConflict(e)) { }
        }
    }

    private static async Task<(List<string> Scheduled, List<string> Skipped)> ScheduleAsync(IDocumentSession session, DueWorkScheduler scheduler,
        string storeId, List<string> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = (await session.LoadManyAsync<MirroredOrder>(cancellationToken, ids.Select(id => MirroredOrder.IdFor(storeId, id)).ToArray()))
            .ToDictionary(r => r.TrayOrderId.ToString(CultureInfo.InvariantCulture));
        var scheduled = new List<string>();
        var skipped = new List<string>();
        foreach (var id in ids)
        {
            var row = rows.GetValueOrDefault(id);
            // Imported orders are skipped, except a divergent one: importing it again takes Tray's new content.
            if (row is not null && row.ImportNeedless(now, TimeSpan.FromMinutes(2)))
            {
                skipped.Add(id);
                continue;
            }
            row ??= new MirroredOrder { Id = MirroredOrder.IdFor(storeId, id), StoreId = storeId, TrayOrderId = long.Parse(id, CultureInfo.InvariantCulture) };
            row.ImportRequested(now);
            session.Store(row);
            scheduler.Schedule(session, ImportOrder.DueWorkKind, new ImportOrder.Payload(storeId, id), now, partitionKey: storeId);
            scheduled.Add(id);
        }
        return (scheduled, skipped);
    }
}
