using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Domain;

/// <summary>The marketplace an order was sold through: the NF-e's intermediary group (<c>infIntermed</c>) names its CNPJ
/// and the seller's id there. <see cref="Cnpj"/> is bare, and null until known. <see cref="SellerIdFromStore"/>: the seller's
/// id is the store's for that marketplace (Tray sent none), so a corrected store id replaces it while the order is open.</summary>
public sealed record MarketplaceIntermediary(string Name, string? Cnpj, string? SellerId, string? MarketplaceOrderId, bool SellerIdFromStore = false);

/// <summary>The marketplaces' CNPJs by name, from configuration (e.g. "Mercado Livre" → 03.007.331/0001-41), for
/// orders whose marketplace data came without one. Names match as <see cref="NameKey"/> does ("MERCADO LIVRE",
/// "MercadoLivre").</summary>
public sealed class MarketplaceIntermediaries
{
    private readonly Dictionary<string, string> cnpjByName = [];

    public static readonly MarketplaceIntermediaries None = new(new Dictionary<string, string>());

    /// <summary>A CNPJ that is not valid is a configuration error, refused here rather than printed on a note.</summary>
    public MarketplaceIntermediaries(IReadOnlyDictionary<string, string> cnpjByName)
    {
        foreach (var (name, cnpj) in cnpjByName)
        {
            if (!Cnpj.IsValid(cnpj))
                throw new ArgumentException($"Marketplace {name}: {cnpj} is not a valid CNPJ.", nameof(cnpjByName));
            this.cnpjByName[NameKey.Of(name)] = Cnpj.Normalize(cnpj)!;
        }
    }

    /// <summary>The marketplace's CNPJ, bare; null when the table does not know it.</summary>
    public string? CnpjOf(string? marketplace) => cnpjByName.GetValueOrDefault(NameKey.Of(marketplace));
}
