using Marten.Schema;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.TrayConnector.Domain;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<OrderCancellationState>))]
public enum OrderCancellationState { Pendente, Enviado, Erro }

/// <summary>A sales order's cancellation on its way to its Tray order, one per (store, Tray order): the natural key is the
/// id, so a redelivered or repeated <c>SalesOrderCancelled</c> finds it and nothing is sent twice.</summary>
[UseOptimisticConcurrency]
public sealed class OrderCancellation
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public required string TrayOrderId { get; set; }
    public Guid SalesOrderId { get; set; }
    public string Reason { get; set; } = "";
    public OrderCancellationState State { get; set; } = OrderCancellationState.Pendente;
    public bool StatusMoved { get; set; }
    /// <summary>Why the status was not moved (already cancelled on Tray, nothing mapped as cancelled); null when it was.</summary>
    public string? StatusNote { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public static string IdFor(string storeId, string trayOrderId) => $"{storeId}:{trayOrderId}";

    public static OrderCancellation From(SalesOrderCancelled cancelled, DateTimeOffset now) => new()
    {
        Id = IdFor(cancelled.StoreId, cancelled.TrayOrderId), StoreId = cancelled.StoreId, TrayOrderId = cancelled.TrayOrderId,
        SalesOrderId = cancelled.SalesOrderId, Reason = cancelled.Reason, ReceivedAt = now,
    };

    public OrderCancellationItem View() => new(StoreId, TrayOrderId, SalesOrderId, Reason, State.ToString(), StatusMoved, StatusNote, Attempts,
        LastError, ReceivedAt, SentAt);
}
