using TrayBridge.ServiceDefaults.Text;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Tray;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.Orders.Listing;

/// <summary>The seed's order screen filters, checked: a bad value is a 400 naming the field, never an empty list.</summary>
public sealed record OrderListQuery(
    [FromQuery] string? StoreId, [FromQuery] string? Status, [FromQuery] string? Customer, [FromQuery] string? From, [FromQuery] string? To,
    [FromQuery] string? Situation, [FromQuery] string? Origin, [FromQuery] int? Page, [FromQuery] int? PageSize)
{
    public const int MaxPageSize = TrayOrderPage.MaxPageSize;

    public static readonly IReadOnlyDictionary<OrderSituation, string> Labels = new Dictionary<OrderSituation, string>
    {
        [OrderSituation.NaoIntegrado] = OrderSituations.NotIntegrated, [OrderSituation.Importando] = OrderSituations.Importing,
        [OrderSituation.Integrado] = OrderSituations.Integrated, [OrderSituation.Erro] = OrderSituations.Error,
        [OrderSituation.Divergente] = OrderSituations.Divergent,
    };

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(StoreId)) errors["storeId"] = ["Informe a loja (storeId)."];
        if (From is not null && Day(From) is null) errors["from"] = ["Informe a data inicial como aaaa-mm-dd."];
        if (To is not null && Day(To) is null) errors["to"] = ["Informe a data final como aaaa-mm-dd."];
        if (Day(From) is { } from && Day(To) is { } to && from > to) errors["to"] = ["A data final é anterior à inicial."];
        if (Situation is not null && SituationValue is null)
            errors["situation"] = [$"Situação desconhecida: use {string.Join(", ", Labels.Values)}."];
        if (Page is < 1) errors["page"] = ["As páginas começam em 1."];
        if (PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"De 1 a {MaxPageSize} pedidos por página."];
        return errors;
    }

    public OrderSituation? SituationValue => Situation is null ? null
        : Labels.Where(l => TextFolding.Fold(l.Value) == TextFolding.Fold(Situation) || l.Key.ToString().Equals(Situation, StringComparison.OrdinalIgnoreCase))
            .Select(l => (OrderSituation?)l.Key).FirstOrDefault();

    public int? FromDay => Day(From);

    public int? ToDay => Day(To);

    private static int? Day(string? text) => DayNumber.Parse(text);
}
