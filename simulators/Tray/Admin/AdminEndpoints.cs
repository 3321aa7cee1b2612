using System.Globalization;
using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Gateway;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Admin;

/// <summary><c>/admin</c>: JSON, no Tray auth; the contract the connector's tests drive the simulator with.</summary>
public static class AdminEndpoints
{
    public static void MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(Guard);

        admin.MapPost("/apps", (AppRequest? body, SimulatorAdmin sim) =>
        {
            var created = sim.CreateApp(body?.ConsumerKey, body?.ConsumerSecret);
            return Results.Json(new { created.ConsumerKey, created.ConsumerSecret, created.AppCode }, statusCode: 201);
        });
        admin.MapPost("/stores", (StoreRequest? body, HttpRequest request, SimulatorAdmin sim) =>
        {
            var created = sim.CreateStore(new Uri($"{request.Scheme}://{request.Host}"), body?.StoreId, body?.Corporate ?? false,
                body?.Products ?? 0, body?.Orders ?? 0);
            return Results.Json(created, statusCode: 201);
        });
        admin.MapPost("/stores/{storeId}/codes", (string storeId, SimulatorAdmin sim) =>
            Results.Json(new { code = sim.NewCode(storeId) }, statusCode: 201));
        admin.MapPut("/stores/{storeId}/status", (string storeId, StatusRequest body, SimulatorAdmin sim) =>
        {
            if (!Enum.TryParse<StoreStatus>(body.Status, ignoreCase: true, out var status))
                return Results.BadRequest(new { error = "status is active, blocked, inactive or cancelled" });
            sim.SetStoreStatus(storeId, status);
            return Results.Ok(new { storeId, status = body.Status.ToLowerInvariant() });
        });
        admin.MapPost("/stores/{storeId}/seed", (string storeId, SeedRequest body, SimulatorAdmin sim) =>
        {
            sim.Seed(storeId, body.Products, body.Orders);
            return Results.Ok(sim.Stats(storeId));
        });
        admin.MapAdminOrders();
        admin.MapGet("/stores/{storeId}/stats", (string storeId, SimulatorAdmin sim) => Results.Ok(sim.Stats(storeId)));
        admin.MapGet("/stores/{storeId}/requests", (string storeId, int? last, int? after, SimulatorAdmin sim) => after is null
            ? Results.Ok(sim.Requests(storeId, last ?? 50))
            : sim.RequestsAfter(storeId, after.Value) is { } newer
                ? Results.Ok(newer)
                : Results.Problem(statusCode: 410, title: $"Only the last {RequestLog.Kept} requests are kept: some after the first {after} are gone."));
        admin.MapGet("/stores/{storeId}/secrets", (string storeId, SimulatorAdmin sim) => Results.Ok(sim.Secrets(storeId)));
        admin.MapGet("/stores/{storeId}/pictures", (string storeId, SimulatorAdmin sim) => Results.Ok(sim.Pictures(storeId)));
        admin.MapGet("/stores/{storeId}/products/{productId:long}/pictures", (string storeId, long productId, SimulatorAdmin sim) =>
            Results.Ok(sim.ProductPictures(storeId, productId)));

        admin.MapGet("/clock", (SimulatorAdmin sim) => Results.Ok(new { now = sim.Now }));
        admin.MapPost("/clock/advance", (AdvanceRequest body, SimulatorAdmin sim) =>
        {
            sim.AdvanceClock(TimeSpan.Parse(body.By, CultureInfo.InvariantCulture));
            return Results.Ok(new { now = sim.Now });
        });

        admin.MapGet("/settings", (SimulatorAdmin sim) => Results.Ok(SettingsHolder.ToJson(sim.Settings)));
        admin.MapPut("/settings", (JsonObject body, SettingsHolder settings) => Results.Ok(SettingsHolder.ToJson(settings.Patch(body))));

        admin.MapPut("/faults", (Faults body, SimulatorAdmin sim) =>
        {
            sim.SetFaults(body);
            return Results.Ok(body);
        });
        admin.MapPut("/stores/{storeId}/faults/invoice-posts", (string storeId, InvoiceFaultsRequest body, SimulatorAdmin sim) =>
        {
            sim.Stats(storeId); // an unknown store is a 404
            sim.InvoiceFaults.Script(storeId, body.Script);
            return Results.Ok(new { storeId, remaining = sim.InvoiceFaults.Remaining(storeId) });
        });
        admin.MapDelete("/faults", (SimulatorAdmin sim) =>
        {
            sim.ClearFaults();
            return Results.NoContent();
        });
        admin.MapPut("/webhooks", (WebhookRequest body, SimulatorAdmin sim) =>
        {
            sim.ConfigureWebhooks(body.Url, body.DuplicateShare);
            return Results.Ok(body);
        });
        admin.MapGet("/webhooks/deliveries", (SimulatorAdmin sim) => Results.Ok(sim.WebhookDeliveries));
    }

    // Unknown stores and invalid values are the caller's mistakes: 404 and 400 with the reason.
    private static async ValueTask<object?> Guard(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (KeyNotFoundException e)
        {
            return Results.NotFound(new { error = e.Message });
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return Results.BadRequest(new { error = e.Message });
        }
    }
}

public sealed record AppRequest(string? ConsumerKey, string? ConsumerSecret);
public sealed record StoreRequest(string? StoreId, bool? Corporate, int? Products, int? Orders);
public sealed record StatusRequest(string Status);
public sealed record SeedRequest(int Products, int Orders);
public sealed record AdvanceRequest(string By);
public sealed record WebhookRequest(string? Url, double DuplicateShare);
