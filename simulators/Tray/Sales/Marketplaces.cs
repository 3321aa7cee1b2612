namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// Marketplaces whose orders reach Tray stores, with the documents an order carries (tray-api.md §4.7, §4.9):
/// <c>marketplace_document</c> is the marketplace's CNPJ, <c>payment_responsible_document</c> the payment
/// intermediary's — the companies' public CNPJs, the ones an NF-e names as intermediary. A <see cref="Native"/> channel is
/// Tray's own Mercado Livre integration: its orders carry <c>MlOrder</c> only, no <c>MarketplaceOrder</c> and so no document.
/// </summary>
public sealed record Marketplace(string Name, string Document, string PaymentResponsibleDocument, string ShippingType, string PaymentForm)
{
    /// <summary>What callers ask for it by (admin <c>marketplace</c>); the name unless two channels share it.</summary>
    public string Key { get; init; } = Name;

    public bool Native { get; init; }

    public static readonly Marketplace MercadoLivre =
        new("Mercado Livre", "03.007.331/0001-41", "10.573.521/0001-91", "me2", "Mercado Pago");

    public static readonly Marketplace MercadoLivreNative =
        new("Mercado Livre", "", "", "me2", "Mercado Pago") { Key = "Mercado Livre Native", Native = true };

    public static readonly Marketplace Shopee =
        new("Shopee", "35.635.824/0001-12", "35.635.824/0001-12", "Shopee Xpress", "Shopee");

    public static readonly Marketplace Amazon =
        new("Amazon", "15.436.940/0001-03", "15.436.940/0001-03", "DBA", "Amazon Pay");

    public static readonly IReadOnlyList<Marketplace> All = [MercadoLivre, Shopee, Amazon, MercadoLivreNative];

    /// <summary>By key, loosely ("mercadolivre", "Mercado Livre", "shopee", "amazon", "mercadolivre-native").</summary>
    public static Marketplace? Find(string? name) => name is null ? null
        : All.FirstOrDefault(m => Normal(m.Key) == Normal(name));

    private static string Normal(string name) => new(name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
