using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Fiscal;
using TrayBridge.ServiceDefaults.Http;

namespace TrayBridge.Orders.Features.Marketplaces;

/// <summary>Keeps the seller's id for a store's marketplace and gives it to every open (not invoiced) sales order of that
/// store and marketplace that has none of its own (or had the store's previous one), so they become ready at once. The setting commits with the first
/// chunk of orders, each further chunk in a transaction of its own: a crash midway leaves orders still pending, and the
/// same PUT again completes them (it never touches an order's own id).</summary>
public static class SetMarketplaceSellerId
{
    private const int Chunk = 200;

    public static async Task<Results<Ok<MarketplaceSellerIdSet>, ValidationProblem>> HandleAsync(string storeId, string name,
        MarketplaceSellerIdRequest body, IDocumentStore documents, ServiceDefaults.Tenancy.TenantContext tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Invalid(storeId, name, body.SellerId) is { } invalid) return invalid;
        return TypedResults.Ok(await ApplyAsync(documents, tenant.Require(), storeId, name.Trim(),
            IntermediaryRule.NormalizeSellerId(body.SellerId)!, time.GetUtcNow(), cancellationToken));
    }

    /// <summary>A refusal with the field it concerns; null when the values can be kept.</summary>
    public static ValidationProblem? Invalid(string storeId, string name, string? sellerId)
    {
        if (string.IsNullOrWhiteSpace(storeId) || storeId.Length > 40) return Problems.Validation("storeId", "Informe a loja.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MarketplaceLimits.MaxNameLength || NameKey.Of(name).Length == 0)
            return Problems.Validation("name", $"Informe o nome do marketplace (até {MarketplaceLimits.MaxNameLength} caracteres).");
        if (IntermediaryRule.NormalizeSellerId(sellerId) is not { } seller)
            return Problems.Validation("sellerId", "Informe o id da sua conta de vendedor no marketplace.");
        return IntermediaryRule.SellerIdProblem(seller) is { } problem ? Problems.Validation("sellerId", $"O id do vendedor {problem}") : null;
    }

    public static async Task<MarketplaceSellerIdSet> ApplyAsync(IDocumentStore documents, string tenantId, string storeId, string name,
        string sellerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (filled, ready, settingSaved) = (0, 0, false);
        // Bounded: every chunk fills all it reads (the query asks exactly for what Fill changes), so the rounds end when a
        // chunk comes back short; the bound only guards against that ever not holding.
        for (var (conflicts, rounds) = (0, 0); conflicts < 10 && rounds < 10_000; rounds++)
        {
            await using var session = documents.LightweightSession(tenantId);
            var names = await StoreMarketplacesQuery.NamesAsync(session, storeId, name, cancellationToken);
            // Named as the orders spell it when there are any ("Mercado Livre" even if typed "mercado livre").
            if (!settingSaved)
                session.Store(new MarketplaceSeller
                {
                    Id = MarketplaceSeller.IdFor(storeId, name), StoreId = storeId, Name = StoreMarketplacesQuery.Preferred(names) ?? name,
                    SellerId = sellerId, UpdatedAt = now,
                });
            var orders = names.Count == 0 ? [] : await session.Query<SalesOrder>()
                .Where(o => o.StoreId == storeId && !o.Invoiced && o.Intermediary != null && names.Contains(o.Intermediary.Name)
                            && (o.Intermediary.SellerId == null || o.Intermediary.SellerId == ""
                                || (o.Intermediary.SellerIdFromStore && o.Intermediary.SellerId != sellerId)))
                .OrderBy(o => o.Id).Take(Chunk).ToListAsync(cancellationToken);
            var (chunkFilled, chunkReady) = (0, 0);
            foreach (var order in orders.Where(o => o.FillIntermediarySellerId(sellerId)).ToList())
            {
                chunkFilled++;
                session.Store(order); // the version loaded: a fix or Tray's change saved meanwhile makes this chunk a retry
                if (order.Status == SalesOrderStatus.ProntoParaFaturar) chunkReady++;
            }
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (JasperFx.ConcurrencyException)
            {
                conflicts++;
                continue;
            }
            (settingSaved, filled, ready) = (true, filled + chunkFilled, ready + chunkReady);
            if (orders.Count < Chunk) break;
        }
        var marketplace = (await StoreMarketplacesQuery.ListAsync(documents, tenantId, storeId, cancellationToken))
            .FirstOrDefault(m => NameKey.Of(m.Name) == NameKey.Of(name)) ?? new StoreMarketplace(name, sellerId, now, 0);
        return new MarketplaceSellerIdSet(storeId, marketplace, filled, ready);
    }
}
