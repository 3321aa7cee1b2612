using Marten;
using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Keeps a product's <see cref="SkuClaim"/>s — its own SKU and its variations' — in step with the product, in the
/// session that saves it. A SKU another product or variation holds is refused, naming the field; a race between two saves
/// is settled by the claims' primary key when they commit.</summary>
internal static class SkuClaims
{
    public sealed record Conflict(string Field, string Sku);

    public static async Task<Conflict?> ClaimAsync(IDocumentSession session, Product product, CancellationToken cancellationToken)
    {
        var wanted = product.Variations.Select((v, i) => (Field: $"variations[{i}].sku", Claim: new SkuClaim { Id = v.Sku, ProductId = product.Id, VariationId = v.Id }))
            .Prepend((Field: "sku", Claim: new SkuClaim { Id = product.Sku, ProductId = product.Id })).ToList();
        var held = await session.Query<SkuClaim>().Where(c => c.ProductId == product.Id).ToListAsync(cancellationToken);
        var taken = (await session.LoadManyAsync<SkuClaim>(cancellationToken, wanted.Select(w => w.Claim.Id)))
            .Where(c => c.ProductId != product.Id).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        // Products stored before claims existed hold their SKU only through the product index: look there too.
        var variationSkus = product.Variations.Select(v => v.Sku).ToArray();
        if (variationSkus.Length > 0)
            taken.UnionWith(await session.Query<Product>().Where(p => p.Id != product.Id && p.Sku.IsOneOf(variationSkus))
                .Select(p => p.Sku).ToListAsync(cancellationToken));
        if (wanted.FirstOrDefault(w => taken.Contains(w.Claim.Id)) is { Claim: not null } clash) return new(clash.Field, clash.Claim.Id);

        foreach (var released in held.Where(h => wanted.All(w => w.Claim.Id != h.Id))) session.Delete(released);
        foreach (var (_, claim) in wanted)
            if (held.Any(h => h.Id == claim.Id)) session.Store(claim);
            else session.Insert(claim);
        return null;
    }

    /// <summary>Who holds each of these SKUs (a product, or a product's variation).</summary>
    public static async Task<IReadOnlyList<SkuClaim>> HoldersAsync(IQuerySession session, IEnumerable<string> skus,
        CancellationToken cancellationToken) => await session.LoadManyAsync<SkuClaim>(cancellationToken, skus.Distinct());
}
