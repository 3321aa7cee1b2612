using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Webhooks;

/// <summary><c>POST /webhooks/tray</c>, anonymous. Always 200, fast: any other answer makes Tray retry for about 20 days
/// and can get the URL blocked — except for a body over <see cref="MaxBodyBytes"/>, which no notification is (413 before
/// it is read). A good notification waits as <c>pending</c>, and the first of a kind makes a re-read due
/// (<see cref="WebhookReread"/>, through <see cref="DueWorkScheduler"/>) in the same transaction, so a stored notification always gets processed. What
/// cannot be one of ours (malformed, an unknown store, another app's code) and what exceeds a store's pending ceiling is
/// only counted, one row per reason (and per store for the ceiling): a flood adds no rows and no Tray calls.</summary>
public static class WebhooksApi
{
    public const int MaxBodyBytes = 16 * 1024;

    public static void MapWebhooksApi(this WebApplication app) =>
        app.MapPost("/webhooks/tray", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));

    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(HttpRequest request, StoreRegistry registry, NpgsqlDataSource dataSource,
        ServiceStore store, DueWorkScheduler scheduler, IOptions<TraySettings> settings, TimeProvider time, ILogger<TrayNotification> logger,
        Activity.StoreActivityLog activity, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "webhook.too_large", "Uma notificação da Tray tem poucos bytes: corpo grande demais.");
        try
        {
            var (notification, problem) = await TrayNotification.ReadAsync(request, cancellationToken);
            var webhooks = settings.Value.Webhooks;
            if (notification is not null && webhooks.AppCode.Length > 0 && notification.AppCode is { } code && code != webhooks.AppCode)
                problem = "another app's app_code";
            // A seller_id may be claimed at several hosts (a fake one among them): each registration gets the notification and
            // re-reads the record from its own store's host, so the real store's tenant imports it and a fake one learns nothing.
            var registrations = problem is null ? await registry.RegistrationsOfAsync(notification!.SellerId, cancellationToken) : [];
            if (problem is null && registrations.Count == 0) problem = "unknown seller_id";
            var now = time.GetUtcNow();
            if (problem is not null) await WebhookInbox.CountIgnoredAsync(dataSource, store, problem, now, cancellationToken);
            foreach (var (apiHost, tenant) in registrations)
                await WebhookInbox.KeepAsync(dataSource, store, scheduler, notification!, apiHost, tenant, webhooks.MaxPendingPerStore, now, activity,
                    cancellationToken);
            if (problem is not null) logger.LogWarning("Ignored a Tray webhook: {Reason}", problem);
        }
        catch (NpgsqlException e)
        {
            // Still 200: the order mirror's polling is the backstop for a notification we could not keep.
            logger.LogError(e, "Could not store a Tray webhook");
        }
        return TypedResults.Ok();
    }
}
