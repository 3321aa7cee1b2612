namespace TrayBridge.Api.Orders;

/// <summary>A sales order's situation as a stable code (the screen's cards and filter), with the label people read.</summary>
public static class SalesOrderSituations
{
    /// <summary>Pronto para faturar: nothing the NF-e needs is missing.</summary>
    public const string Ready = "ready";
    /// <summary>Pendente: falta …; <see cref="SalesOrderSummary.MissingItems"/> says what.</summary>
    public const string Pending = "pending";
    public const string Invoiced = "invoiced";
    public const string CancelledOnTray = "cancelled_on_tray";
    /// <summary>Tray's order changed after import; imported again, it is rebuilt from Tray's new content.</summary>
    public const string Divergent = "divergent";
    /// <summary>Cancelado na Tray — NF-e autorizada: Tray cancelled an invoiced order; it waits for the merchant to cancel
    /// the NF-e (<c>POST /api/invoicing/nfes/{id}/cancel</c>), which then cancels the order.</summary>
    public const string CancelledOnTrayInvoiced = "cancelled_on_tray_invoiced";
    /// <summary>Cancelado: cancelled in the ERP (<c>POST /api/orders/sales-orders/{id}/cancel</c>).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>In the order the screen shows its cards.</summary>
    public static readonly IReadOnlyList<string> All = [Ready, Pending, Invoiced, CancelledOnTrayInvoiced, CancelledOnTray, Cancelled, Divergent];

    /// <summary>The card's label ("Pendente" without the list of what is missing, which each row shows).</summary>
    public static string Label(string code) => code switch
    {
        Ready => "Pronto para faturar",
        Pending => "Pendente",
        Invoiced => "Faturado",
        CancelledOnTray => "Cancelado na Tray",
        Divergent => "Divergente",
        CancelledOnTrayInvoiced => "Cancelado na Tray — NF-e autorizada",
        Cancelled => "Cancelado",
        _ => code,
    };
}

/// <summary>The codes of what a pending sales order lacks before its NF-e (<see cref="MissingItem.Code"/>).</summary>
public static class MissingCodes
{
    /// <summary>The buyer's CPF/CNPJ: fixed by <c>PUT …/customer/tax-id</c>.</summary>
    public const string TaxId = "missing.tax_id";
    /// <summary>An item's NCM (one entry per line, <see cref="MissingItem.Line"/>): <c>PUT …/items/{line}/ncm</c>.</summary>
    public const string Ncm = "missing.ncm";
    /// <summary>The invoice address's IBGE municipality code: <c>PUT …/invoice-city</c>.</summary>
    public const string CityCode = "missing.city_code";
    /// <summary>The marketplace intermediary's CNPJ: <c>PUT …/intermediary/cnpj</c>.</summary>
    public const string IntermediaryCnpj = "missing.intermediary_cnpj";
    /// <summary>The seller's id on the marketplace (<c>idCadIntTran</c>): <c>PUT …/intermediary/seller-id</c> for the order,
    /// or once for the store's marketplace, <c>PUT /api/orders/stores/{storeId}/marketplaces/{name}</c>.</summary>
    public const string IntermediarySellerId = "missing.intermediary_seller_id";
}

/// <summary>One thing a pending order lacks: a stable code, the Portuguese text, and the item line for an NCM.</summary>
public sealed record MissingItem(string Code, string Detail, int? Line = null);

/// <summary>A row of <c>GET /api/orders/sales-orders</c>. <see cref="Status"/> is Orders' status name (PendenteDados,
/// ProntoParaFaturar, CanceladoNaTray, Divergente, Faturado) and <see cref="Missing"/> the texts of
/// <see cref="StatusLabel"/>, both kept for existing clients; <see cref="Situation"/> is one of
/// <see cref="SalesOrderSituations"/>. The NF-e fields are set once an authorized note is known
/// (<see cref="NfeId"/> only when Invoicing named it). <see cref="InvoiceCity"/>/<see cref="InvoiceUf"/> are the invoice
/// address's (delivery, else billing), for the city fix to start from.</summary>
public sealed record SalesOrderSummary(
    Guid Id, string StoreId, string TrayOrderId, string Origin, DateTimeOffset PlacedAt, string Customer, decimal Total,
    string Status, string StatusLabel, IReadOnlyList<string> Missing, string Situation, IReadOnlyList<MissingItem> MissingItems,
    string? CustomerTaxId, string? Divergence, Guid? NfeId, string? NfeKey, int? NfeNumber, NfeRejectionData? LastNfeRejection,
    string? InvoiceCity, string? InvoiceUf)
{
    /// <summary>The dispatch, once the merchant gave it (<c>POST …/{id}/shipment</c>); the situation stays <c>invoiced</c> (the NF-e's), the panel shows "Enviado" from this.</summary>
    public ShipmentData? ShipmentInfo { get; init; }
    /// <summary>How many of the order's NF-e were cancelled at SEFAZ (the history is in the detail).</summary>
    public int CancelledNfeCount { get; init; }
}

/// <summary>A page of sales orders: <see cref="Total"/> after every filter; <see cref="Situations"/> counts each
/// situation (every code present, zero included) after every filter but the situation's — the cards.</summary>
public sealed record SalesOrderPage(IReadOnlyList<SalesOrderSummary> Items, int Page, int PageSize, long Total,
    IReadOnlyDictionary<string, int> Situations);

/// <summary>The list's bounds.</summary>
public static class SalesOrderQueryLimits
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    /// <summary>At most this many ids in <c>trayOrderIds</c> (the import screen's page is 100 rows).</summary>
    public const int MaxTrayOrderIds = 200;
    /// <summary>At most this many sales order ids in <c>ids</c> (a batch's orders, read a page at a time).</summary>
    public const int MaxIds = 200;
}

/// <summary>SEFAZ's last refusal of the order's NF-e (cStat and motivo), until a note is authorized.</summary>
public sealed record NfeRejectionData(string Code, string Reason, DateTimeOffset At);
