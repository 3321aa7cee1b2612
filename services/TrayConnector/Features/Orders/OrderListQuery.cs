using TrayBridge.ServiceDefaults.Text;
using Microsoft.AspNetCore.Mvc;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>The seed's order screen filters, checked: a bad value is a 400 naming the field, never an empty list.</summary>
public sealed record OrderListQuery(
    [FromQuery] string? StoreId, [FromQuery] string? Status, [FromQuery] string? Customer, [FromQuery] string? From, [FromQuery] string? To,
    [FromQuery] string? Situation, [FromQuery] string? Origin, [FromQuery] int? Page, [FromQuery] int? PageSize)
{
    public const int MaxPageSize = 100;

    public static readonly IReadOnlyDictionary<OrderSituation, string> Labels = new Dictionary<OrderSituation, string>
    {
        [OrderSituation.NaoIntegrado] = "Não integrado", [OrderSituation.Importando] = "Importando", [OrderSituation.Integrado] = "Integrado",
        [OrderSituation.Erro] = "Erro", [OrderSituation.Divergente] = "Divergente",
    };

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(StoreId)) errors["storeId"] = ["The Tray store id is required."];
        if (From is not null && Day(From) is null) errors["from"] = ["A day as yyyy-MM-dd."];
        if (To is not null && Day(To) is null) errors["to"] = ["A day as yyyy-MM-dd."];
        if (Day(From) is { } from && Day(To) is { } to && from > to) errors["to"] = ["'to' is before 'from'."];
        if (Situation is not null && SituationValue is null)
            errors["situation"] = [$"One of: {string.Join(", ", Labels.Values)}."];
        if (Page is < 1) errors["page"] = ["Pages start at 1."];
        if (PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"Between 1 and {MaxPageSize}."];
        return errors;
    }

    public OrderSituation? SituationValue => Situation is null ? null
        : Labels.Where(l => TextFolding.Fold(l.Value) == TextFolding.Fold(Situation) || l.Key.ToString().Equals(Situation, StringComparison.OrdinalIgnoreCase))
            .Select(l => (OrderSituation?)l.Key).FirstOrDefault();

    public int? FromDay => Day(From);

    public int? ToDay => Day(To);

    private static int? Day(string? text) => DayNumber.Parse(text);
}
