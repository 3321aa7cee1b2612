namespace TrayBridge.Api.Tray;

/// <summary><c>GET /api/tray/orders</c>: one mirrored Tray order. <see cref="Situation"/> is one of
/// <see cref="OrderSituations"/>; when it is <c>Erro</c> or <c>Divergente</c>, <see cref="Reason"/> (pt-BR) says why and
/// <see cref="ReasonCode"/> is its stable code. <see cref="ReadyForNfe"/> is always null: readiness is Orders' (it changes
/// with each fix there), read from <c>GET /api/orders/sales-orders</c>.</summary>
public sealed record TrayOrderRow(string TrayOrderId, string? Date, DateTimeOffset? PlacedAt, string Customer, decimal Total, string Status,
    string? StatusId, bool Cancelled, string Origin, string Situation, string? Reason, Guid? SalesOrderId, bool? ReadyForNfe, bool Complete,
    string? ReasonCode)
{
    /// <summary>The dispatch sent (or being sent) to this Tray order; null when none was given.</summary>
    public ShipmentDeliveryItem? Shipment { get; init; }
    /// <summary>The sales order's cancellation sent (or being sent) to this Tray order; null when it was not cancelled.</summary>
    public OrderCancellationItem? Cancellation { get; init; }
}

/// <summary><c>GET /api/tray/orders?storeId=&amp;status=&amp;customer=&amp;from=&amp;to=&amp;situation=&amp;origin=&amp;page=&amp;pageSize=</c>
/// (days as yyyy-MM-dd, São Paulo days). A page of the order list: <see cref="Total"/> orders match the filters; <see cref="Situations"/> counts the
/// store's orders per situation (the seed's cards), before filters, every situation present.</summary>
public sealed record TrayOrderPage(IReadOnlyList<TrayOrderRow> Items, int PageNumber, int PageSize, int Total,
    IReadOnlyDictionary<string, int> Situations)
{
    /// <summary>The largest <c>pageSize</c> accepted (default 50); more is a 400 on <c>pageSize</c>.</summary>
    public const int MaxPageSize = 100;
}

/// <summary><c>POST /api/tray/orders/import</c>: 1 to <see cref="MaxOrders"/> Tray order ids of one store.</summary>
public sealed record ImportOrdersRequest(string? StoreId, List<string>? TrayOrderIds)
{
    public const int MaxOrders = 500;
}

/// <summary>The 202 answer: the import exists; poll <see cref="Location"/> (<c>GET /api/tray/orders/imports/{id}</c>).
/// Orders already imported or being imported are listed apart, not scheduled again.</summary>
public sealed record ImportAccepted(Guid ImportId, string Location, IReadOnlyList<string> Scheduled, IReadOnlyList<string> AlreadyImportedOrInProgress);

/// <summary>One order of an import, as it stands now: a situation of <see cref="OrderSituations"/> and, for an error,
/// its reason (stable code + pt-BR detail).</summary>
public sealed record ImportedOrder(string TrayOrderId, string Situation, Reason? Reason, Guid? SalesOrderId);

/// <summary><c>GET /api/tray/orders/imports/{id}</c>: "n de N". <see cref="Done"/> = <see cref="Integrated"/> +
/// <see cref="Failed"/>; <see cref="Pending"/> are still being read or made into sales orders; <see cref="Finished"/>
/// when none is pending.</summary>
public sealed record ImportProgress(Guid Id, string StoreId, DateTimeOffset CreatedAt, int Total, int Done, int Integrated, int Pending,
    int Failed, bool Finished, IReadOnlyList<ImportedOrder> Orders);

/// <summary><c>POST /api/tray/orders/refresh</c> and <c>/statuses/refresh</c>.</summary>
public sealed record StoreRequest(string? StoreId);

/// <summary>A store's order status on Tray (names and ids are per store).</summary>
public sealed record TrayOrderStatusItem(string Id, string Name);

/// <summary><c>GET/PUT /api/tray/orders/statuses</c>: the store's statuses and the role of each; <see cref="ConfirmedByUser"/>
/// false while they are still guessed by name. <see cref="Id"/> is the store id.</summary>
public sealed record OrderStatusRoles(string Id, IReadOnlyList<TrayOrderStatusItem> Statuses, IReadOnlyList<string> ApprovedIds,
    string? InvoicedId, string? ShippedId, IReadOnlyList<string> CancelledIds, bool AutoImportApproved, bool ConfirmedByUser,
    DateTimeOffset RefreshedAt);

/// <summary><c>PUT /api/tray/orders/statuses</c>: the merchant's roles, and the automatic import switch.</summary>
public sealed record SetOrderStatusRolesRequest(string? StoreId, List<string>? ApprovedIds, string? InvoicedId, string? ShippedId,
    List<string>? CancelledIds, bool AutoImportApproved);

/// <summary>The situations of a mirrored order (pt-BR, as the seed's cards and the <c>situation</c> filter say them).</summary>
public static class OrderSituations
{
    public const string NotIntegrated = "Não integrado";
    public const string Importing = "Importando";
    public const string Integrated = "Integrado";
    public const string Error = "Erro";
    public const string Divergent = "Divergente";

    public static readonly IReadOnlyList<string> All = [NotIntegrated, Importing, Integrated, Error, Divergent];
}

/// <summary>The stable codes of an order's reason.</summary>
public static class OrderReasonCodes
{
    /// <summary>Tray refused to give the order (or answered something unreadable), or the store cannot be reached.</summary>
    public const string TrayReadFailed = "order.tray_read_failed";
    public const string NotFoundOnTray = "order.not_found_on_tray";
    /// <summary>The Orders service could not make a sales order of it (the detail says why: totals, items, customer…).</summary>
    public const string ImportFailed = "order.import_failed";
    /// <summary>Changed on Tray after it was imported: import it again to take the new content.</summary>
    public const string ChangedOnTray = "order.changed_on_tray";
}
