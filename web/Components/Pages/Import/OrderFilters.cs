using TrayBridge.Api.Tray;

namespace TrayBridge.Web.Components.Pages.Import;

/// <summary>The Importar Pedidos filters as the page's URL carries them (Portuguese names, what a person may bookmark)
/// and as the API's query wants them: one place that maps the two, so a card, the pager and the form agree.</summary>
public sealed record OrderFilters(string? Store, string? Status, string? Customer, string? From, string? To, string? Situation, string? Origin,
    int Page = 1, int PageSize = OrderFilters.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, TrayOrderPage.MaxPageSize];

    /// <summary>The page's own query: only what is set, page 1 and the default size left out.</summary>
    public IReadOnlyDictionary<string, object?> PageQuery() => new Dictionary<string, object?>
    {
        ["loja"] = Blank(Store), ["status"] = Blank(Status), ["cliente"] = Blank(Customer), ["de"] = Blank(From), ["ate"] = Blank(To),
        ["situacao"] = Blank(Situation), ["origem"] = Blank(Origin), ["pagina"] = Page > 1 ? Page : null,
        ["porPagina"] = PageSize != DefaultPageSize ? PageSize : null,
    };

    /// <summary><c>GET /api/tray/orders?…</c> for these filters.</summary>
    public string ApiUrl(string storeId) => "api/tray/orders?" + string.Join("&", new (string Name, string? Value)[]
    {
        ("storeId", storeId), ("status", Blank(Status)), ("customer", Blank(Customer)), ("from", Blank(From)), ("to", Blank(To)),
        ("situation", Blank(Situation)), ("origin", Blank(Origin)), ("page", Page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("pageSize", Math.Clamp(PageSize, 1, TrayOrderPage.MaxPageSize).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    }.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>A card's link: that situation (or none), back to page 1, the other filters kept.</summary>
    public OrderFilters WithSituation(string? situation) => this with { Situation = situation, Page = 1 };

    public OrderFilters WithPage(int page) => this with { Page = page };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
