namespace TrayBridge.Api.Tray;

/// <summary>One line of a store's activity log (<c>GET /api/tray/stores/{storeId}/activity</c>): a Tray call outcome worth
/// knowing. <see cref="Kind"/> is one of <see cref="StoreActivityKinds"/>, <see cref="Result"/> one of
/// <see cref="StoreActivityResults"/> (each with its pt-BR label); the subject is what it was about
/// (<see cref="SubjectType"/> <c>product</c> | <c>order</c> | <c>note</c>, our id and Tray's); <see cref="Reason"/> is in
/// pt-BR; <see cref="TraceId"/> is the W3C trace id of the span that decided it. Floods are coalesced: webhooks and budget
/// waits are one line per store, kind and minute, <see cref="Count"/> saying how many, from <see cref="At"/> to
/// <see cref="LastAt"/>.</summary>
public sealed record StoreActivityEntry(Guid Id, DateTimeOffset At, DateTimeOffset LastAt, string Kind, string KindLabel, string Result,
    string ResultLabel, string? SubjectType, string? SubjectId, string? TrayId, string? Reason, int Count, string? TraceId);

/// <summary>A page of a store's activity, newest first (time, then id: a stable order across pages).</summary>
public sealed record StoreActivityPage(string StoreId, IReadOnlyList<StoreActivityEntry> Items, int Page, int PageSize, int Total)
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;
}

/// <summary>What a line is about; the labels are what people read.</summary>
public static class StoreActivityKinds
{
    public const string ProductExport = "product_export";
    public const string OrderImport = "order_import";
    public const string Invoice = "invoice";
    public const string OrderStatus = "order_status";
    public const string Shipment = "shipment";
    public const string Cancellation = "cancellation";
    public const string Token = "token";
    public const string Webhook = "webhook";
    public const string BudgetWait = "budget_wait";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [ProductExport] = "Exportação de produto", [OrderImport] = "Importação de pedido", [Invoice] = "Envio de NF-e",
        [OrderStatus] = "Status do pedido", [Shipment] = "Envio do rastreio", [Cancellation] = "Cancelamento do pedido",
        [Token] = "Token de acesso", [Webhook] = "Notificação (webhook)", [BudgetWait] = "Aguardando cota",
    };
}

public static class StoreActivityResults
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Waiting = "waiting";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Ok] = "Sucesso", [Error] = "Erro", [Waiting] = "Aguardando",
    };
}

/// <summary>What a line's subject is: a product (our product id), an order (the Tray order id) or a note (its access key).</summary>
public static class StoreActivitySubjects
{
    public const string Product = "product";
    public const string Order = "order";
    public const string Note = "note";
}
