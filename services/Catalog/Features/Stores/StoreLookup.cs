using Marten;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.Http;

namespace TrayBridge.Catalog.Features.Stores;

/// <summary>Whether a store is connected to the tenant. The Catalog learns stores from <c>StoreConnected</c>, which arrives a
/// moment after the registration answered; a store not heard of yet is asked of the connector (which owns the stores) before
/// it is refused, and kept, so a store is usable here from the registration's answer on and a 422 means it truly is not
/// connected.</summary>
public sealed class StoreLookup(IRequestClient<StoreConnectionRequested> connector, TimeProvider time)
{
    public sealed record Outcome(KnownStore? Store, ProblemHttpResult? Problem);

    /// <summary>The known store; else the connector's answer (stored in <paramref name="session"/>, committed with the caller's
    /// changes or on its own); null when the connector says the tenant has no such store.</summary>
    public async Task<Outcome> FindAsync(IDocumentSession session, string storeId, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<KnownStore>(storeId, cancellationToken) is { } known) return new(known, null);
        StoreConnection answer;
        try
        {
            answer = (await connector.GetResponse<StoreConnection>(new StoreConnectionRequested(session.TenantId, storeId, time.GetUtcNow()),
                cancellationToken)).Message;
        }
        catch (RequestTimeoutException)
        {
            return new(null, Problems.Of(StatusCodes.Status503ServiceUnavailable, CatalogProblemCodes.StoreLookupUnavailable,
                $"Não foi possível confirmar agora se a loja {storeId} está conectada: tente de novo em instantes."));
        }
        if (!answer.Connected) return new(null, null);
        var store = new KnownStore { Id = storeId, ApiAddress = answer.ApiAddress ?? "", ConnectedAt = answer.ConnectedAt ?? answer.OccurredAt };
        session.Store(store);
        return new(store, null);
    }
}
