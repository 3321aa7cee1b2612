namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// Marketplaces whose orders reach Tray stores, with the documents an order carries (tray-api.md §4.7, §4.9):
/// <c>marketplace_document</c> is the marketplace's CNPJ, <c>payment_responsible_document</c> the payment
/// intermediary's — the companies' public CNPJs, the ones an NF-e names as intermediary.
/// </summary>
public sealed record Marketplace(string Name, string Document, string PaymentResponsibleDocument, string ShippingType, string PaymentForm)
{
    public static readonly Marketplace MercadoLivre =
        new("Mercado Livre", "03.007.331/0001-41", "10.573.521/0001-91", "me2", "Mercado Pago");

    public static readonly Marketplace Shopee =
        new("Shopee", "35.635.824/0001-12", "35.635.824/0001-12", "Shopee Xpress", "Shopee");

    public static readonly Marketplace Amazon =
        new("Amazon", "15.436.940/0001-03", "15.436.940/0001-03", "DBA", "Amazon Pay");

    public static readonly IReadOnlyList<Marketplace> All = [MercadoLivre, Shopee, Amazon];

    /// <summary>By name, loosely ("mercadolivre", "Mercado Livre", "shopee", "amazon").</summary>
    public static Marketplace? Find(string? name) => name is null ? null
        : All.FirstOrDefault(m => Normal(m.Name) == Normal(name));

    private static string Normal(string name) => new(name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
