using System.Globalization;
using Marten;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>Importar Pedidos: the list comes from the mirror (no Tray call), import and refresh only schedule work.</summary>
public static class OrdersApi
{
    public sealed record ImportRequest(string? StoreId, List<string>? TrayOrderIds);

    public sealed record RefreshRequest(string? StoreId);

    public static void MapOrdersApi(this WebApplication app)
    {
        var orders = app.MapGroup("/api/tray/orders").WithTags("Orders");
        orders.MapGet("/", ListOrders.HandleAsync);
        orders.MapPost("/import", ImportAsync);
        orders.MapPost("/refresh", RefreshAsync);
        orders.MapOrderStatusMapApi();
    }

    /// <summary>202 with what was scheduled; an order already imported (or being imported) is not scheduled twice —
    /// and if it were, the Orders service still makes one sales order of it.</summary>
    private static async Task<IResult> ImportAsync(ImportRequest request, IDocumentStore documents, TenantContext tenant, DueWorkScheduler scheduler,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.StoreId)) errors["storeId"] = ["The Tray store id is required."];
        var ids = request.TrayOrderIds ?? [];
        if (ids.Count is 0 or > 500) errors["trayOrderIds"] = ["Between 1 and 500 Tray order ids."];
        else if (ids.FirstOrDefault(id => !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)) is { } bad)
            errors["trayOrderIds"] = [$"'{bad}' is not a Tray order id."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        for (var attempt = 1; ; attempt++)
        {
            await using var session = documents.LightweightSession(tenant.Require());
            if (await session.LoadAsync<TrayStore>(request.StoreId!, cancellationToken) is null) return StoreNotFound();
            var (scheduled, skipped) = await ScheduleAsync(session, scheduler, request.StoreId!, ids, time.GetUtcNow(), cancellationToken);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return Results.Accepted(value: new { scheduled, alreadyImportedOrInProgress = skipped });
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
        foreach (var id in ids.Distinct())
        {
            var row = rows.GetValueOrDefault(id);
            // Imported orders are skipped, except a divergent one: importing it again takes Tray's new content.
            if (row is { SalesOrderId: not null, Situation: not OrderSituation.Divergente }
                || row is { Situation: OrderSituation.Importando, ImportRequestedAt: { } at } && now - at < TimeSpan.FromMinutes(2))
            {
                skipped.Add(id);
                continue;
            }
            row ??= new MirroredOrder { Id = MirroredOrder.IdFor(storeId, id), StoreId = storeId, TrayOrderId = long.Parse(id, CultureInfo.InvariantCulture) };
            row.Situation = OrderSituation.Importando;
            row.ImportRequestedAt = now;
            row.Reason = null;
            session.Store(row);
            scheduler.Schedule(session, ImportOrder.DueWorkKind, new ImportOrder.Payload(storeId, id), now);
            scheduled.Add(id);
        }
        return (scheduled, skipped);
    }

    /// <summary>Polls the store now (and from then on at the usual interval).</summary>
    private static async Task<IResult> RefreshAsync(RefreshRequest request, IDocumentStore documents, TenantContext tenant, DueWorkScheduler scheduler,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (request.StoreId is null || await session.LoadAsync<TrayStore>(request.StoreId, cancellationToken) is null) return StoreNotFound();
        await OrderPolling.StartAsync(session, scheduler, request.StoreId, time.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Accepted();
    }

    public static IResult StoreNotFound() => Results.Problem(statusCode: 404, title: "Store not found.");
}
