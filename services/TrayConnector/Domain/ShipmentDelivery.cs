using Marten.Schema;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.TrayConnector.Domain;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ShipmentDeliveryState>))]
public enum ShipmentDeliveryState { Pendente, Enviado, Erro }

/// <summary>A sales order's dispatch on its way to its Tray order, one per (store, Tray order): the natural key is the id, so
/// a redelivered <c>SalesOrderShipped</c> finds it, and a corrected dispatch replaces its data and is sent again.</summary>
[UseOptimisticConcurrency]
public sealed class ShipmentDelivery
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public required string TrayOrderId { get; set; }
    public Guid SalesOrderId { get; set; }
    public string Carrier { get; set; } = "";
    public string TrackingCode { get; set; } = "";
    public string? TrackingUrl { get; set; }
    public DateOnly ShippedAt { get; set; }
    /// <summary>When Orders recorded this data: an older message arriving late never replaces newer data.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public ShipmentDeliveryState State { get; set; } = ShipmentDeliveryState.Pendente;
    public bool StatusMoved { get; set; }
    /// <summary>Why the order's status was not moved (no shipped status mapped, order cancelled), null when it was.</summary>
    public string? StatusNote { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public static string IdFor(string storeId, string trayOrderId) => $"{storeId}:{trayOrderId}";

    public bool Carries(SalesOrderShipped s) =>
        Carrier == s.Carrier && TrackingCode == s.TrackingCode && TrackingUrl == s.TrackingUrl && ShippedAt == s.ShippedAt;

    /// <summary>Takes the message's data and starts over: pending, nothing said yet about the status.</summary>
    public void Take(SalesOrderShipped s, DateTimeOffset now)
    {
        (SalesOrderId, Carrier, TrackingCode, TrackingUrl, ShippedAt, RecordedAt) = (s.SalesOrderId, s.Carrier, s.TrackingCode, s.TrackingUrl, s.ShippedAt, s.OccurredAt);
        (State, StatusMoved, StatusNote, LastError, Attempts, ReceivedAt, SentAt) = (ShipmentDeliveryState.Pendente, false, null, null, 0, now, null);
    }

    public ShipmentDeliveryItem View() => new(StoreId, TrayOrderId, SalesOrderId, Carrier, TrackingCode, TrackingUrl, ShippedAt, State.ToString(),
        StatusMoved, StatusNote, Attempts, LastError, ReceivedAt, SentAt);
}
