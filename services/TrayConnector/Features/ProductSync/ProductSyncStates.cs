using Marten;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.ProductSync;

/// <summary>The sync run's writes to <see cref="ProductSyncState"/>, which the consumer writes too: each one re-reads and retries
/// when a change from the consumer commits meanwhile (optimistic concurrency).</summary>
internal static class ProductSyncStates
{
    /// <summary>Clears the "run scheduled" flag and returns what is wanted now: from here on, a new change schedules the next
    /// run, which will send whatever this one does not.</summary>
    public static Task<ProductSyncState?> TakeTurnAsync(IDocumentStore documents, string tenantId, Guid productId, CancellationToken cancellationToken) =>
        UpdateAsync(documents, tenantId, productId, state => state.SyncScheduled = false, cancellationToken);

    public static Task MarkSentAsync(IDocumentStore documents, string tenantId, Guid productId, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(documents, tenantId, productId, state => state.LastSentAt = at, cancellationToken);

    private static async Task<ProductSyncState?> UpdateAsync(IDocumentStore documents, string tenantId, Guid productId,
        Action<ProductSyncState> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = documents.LightweightSession(tenantId);
            if (await session.LoadAsync<ProductSyncState>(productId, cancellationToken) is not { } state) return null;
            change(state);
            session.Store(state);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return state;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 10) { }
        }
    }
}
