using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary>The filters of Vendas › Pedidos de venda, checked: a bad value is a 400 naming the field (in Portuguese),
/// never an empty list. <c>from</c>/<c>to</c> are São Paulo days (yyyy-MM-dd, both included); <c>trayOrderIds</c> is a
/// comma list, <c>ids</c> a comma list of sales order ids (a batch's orders); <c>status</c> (the status names) is kept for existing clients beside <c>situation</c> (the codes).</summary>
public sealed record SalesOrderListQuery(
    [FromQuery] string? StoreId, [FromQuery] string? Status, [FromQuery] string? Situation, [FromQuery] string? Customer,
    [FromQuery] string? From, [FromQuery] string? To, [FromQuery] string? TrayOrderIds, [FromQuery] string? Ids, [FromQuery] int? Page, [FromQuery] int? PageSize)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (StoreId is { Length: > 50 }) errors["storeId"] = ["No máximo 50 caracteres."];
        if (Status is not null && StatusValue is null)
            errors["status"] = [$"Um destes: {string.Join(", ", Enum.GetNames<SalesOrderStatus>())}."];
        if (Situation is not null && SalesOrderStatusLabels.FromSituation(Situation) is null)
            errors["situation"] = [$"Uma destas: {string.Join(", ", SalesOrderSituations.All)}."];
        if (Customer is { Length: > 100 }) errors["customer"] = ["No máximo 100 caracteres."];
        if (From is not null && Day(From) is null) errors["from"] = ["Uma data no formato aaaa-mm-dd."];
        if (To is not null && Day(To) is null) errors["to"] = ["Uma data no formato aaaa-mm-dd."];
        if (Day(From) is { } from && Day(To) is { } to && from > to) errors["to"] = ["A data final é anterior à inicial."];
        if (TrayOrderIds is not null && TrayOrderIdList.Count is 0 or > SalesOrderQueryLimits.MaxTrayOrderIds)
            errors["trayOrderIds"] = [$"De 1 a {SalesOrderQueryLimits.MaxTrayOrderIds} números de pedido da Tray, separados por vírgula."];
        if (TrayOrderIdList.Any(id => id.Length > 20)) errors["trayOrderIds"] = ["Um número de pedido da Tray tem no máximo 20 caracteres."];
        if (Ids is not null && (IdTexts.Count is 0 or > SalesOrderQueryLimits.MaxIds || IdTexts.Any(t => !Guid.TryParse(t, out _))))
            errors["ids"] = [$"De 1 a {SalesOrderQueryLimits.MaxIds} ids de pedidos de venda, separados por vírgula."];
        if (Page is < 1) errors["page"] = ["As páginas começam em 1."];
        if (PageSize is < 1 or > SalesOrderQueryLimits.MaxPageSize) errors["pageSize"] = [$"Entre 1 e {SalesOrderQueryLimits.MaxPageSize}."];
        return errors;
    }

    // A number is not a status name, though Enum.TryParse would take "1" for one.
    public SalesOrderStatus? StatusValue =>
        Status is not null && !int.TryParse(Status, out _) && Enum.TryParse<SalesOrderStatus>(Status, ignoreCase: true, out var parsed) ? parsed : null;

    public SalesOrderStatus? SituationValue => Situation is null ? null : SalesOrderStatusLabels.FromSituation(Situation);

    public IReadOnlyList<string> TrayOrderIdList =>
        (TrayOrderIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>The sales order ids that parse; a text that does not is refused by <see cref="Validate"/>.</summary>
    public IReadOnlyList<Guid> IdList => [.. IdTexts.Select(t => Guid.TryParse(t, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct()];

    private List<string> IdTexts => (Ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>The start of <c>from</c>'s day in São Paulo, as an instant.</summary>
    public DateTimeOffset? FromInstant => Day(From) is { } day ? StartOf(day) : null;

    /// <summary>The start of the day after <c>to</c> in São Paulo: <c>to</c> is included.</summary>
    public DateTimeOffset? ToExclusive => Day(To) is { } day ? StartOf(day.AddDays(1)) : null;

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? SalesOrderQueryLimits.DefaultPageSize;

    private static DateTimeOffset StartOf(DateOnly day) => BrazilTime.StartOf(day).ToUniversalTime();

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
