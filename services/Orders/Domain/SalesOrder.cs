namespace TrayBridge.Orders.Domain;

/// <summary>
/// A Tray order imported as an ERP sales order, the document the NF-e is issued from. Built by
/// <see cref="SalesOrderFactory.FromTray"/>; changed only through its methods, each of which re-evaluates
/// <see cref="Status"/> (see <c>SalesOrder.Changes.cs</c>). Plain properties so Marten (System.Text.Json) stores it as is;
/// configure enums as strings there if the stored JSON should read well.
/// </summary>
public sealed partial class SalesOrder
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>Tray's store id.</summary>
    public required string StoreId { get; set; }
    public required string TrayOrderId { get; set; }
    /// <summary>Where the order came from as the connector names it, e.g. Tray's <c>point_sale</c>.</summary>
    public string Origin { get; set; } = "";
    /// <summary>Tray's status name when imported.</summary>
    public string? TrayStatus { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public required SalesOrderCustomer Customer { get; set; }
    public List<SalesOrderItem> Items { get; set; } = [];
    public required SalesOrderTotals Totals { get; set; }
    public string? Shipment { get; set; }
    public string? PaymentMethod { get; set; }
    /// <summary>Tray's <c>payment_method_type</c> (<c>pix</c>, <c>credit_card</c>, <c>bank_billet</c>…), for the NF-e's
    /// <c>tPag</c>.</summary>
    public string? PaymentMethodType { get; set; }
    public int Installments { get; set; } = 1;
    /// <summary>Null for the store's own channels.</summary>
    public MarketplaceIntermediary? Intermediary { get; set; }
    /// <summary>The hash of Tray's order when imported: a different one later means Tray's order changed.</summary>
    public string? ContentHash { get; set; }

    public SalesOrderStatus Status { get; set; } = SalesOrderStatus.PendenteDados;
    /// <summary>What the NF-e still lacks (<see cref="Readiness"/>), kept even when another status hides it.</summary>
    public List<string> Missing { get; set; } = [];
    public bool CancelledOnTray { get; set; }
    /// <summary>Why the order is <see cref="SalesOrderStatus.Divergente"/>; null when it is not.</summary>
    public string? Divergence { get; set; }
    public bool Invoiced { get; set; }

    /// <summary>The status as the user reads it, e.g. "Pendente: falta CPF/CNPJ; falta NCM (SKU CAM-1)".</summary>
    public string StatusLabel => Status.Label(Missing);
}
