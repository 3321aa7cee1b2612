using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary><c>DELETE /api/stores/{id}</c> ("Remover"): the store, its secrets and its claim on the Tray store go in one
/// commit, with the audit line saying who removed it; its history (mirrored orders, product links, invoice deliveries, mappings) stays. Nothing is stopped by hand:
/// polling, webhooks, imports and price/stock sync all look for the store first and find none, so they end on their own.
/// The Tray store can then be registered again, by this account (history comes back) or another.</summary>
public static class RemoveStore
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(string storeId, IDocumentStore documents, TenantContext tenant,
        StoreRegistry registry, RegistrationLog log, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not { } store) return TrayProblems.StoreNotFound();
        session.Delete<TrayStore>(storeId);
        registry.Release(session, storeId);
        log.RecordRemoval(session, RegistrationLog.UserOf(user), storeId, StoreHost.Of(store.ApiAddress), time.GetUtcNow());
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
