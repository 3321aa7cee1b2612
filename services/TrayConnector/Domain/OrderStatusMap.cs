using Marten.Schema;

namespace TrayBridge.TrayConnector.Domain;

/// <summary>A store's order statuses as Tray lists them (names and ids are per store, tray-api.md §4.6) and what each
/// means to us: approved (may be imported automatically), invoiced (set when the NF-e reaches Tray), shipped, cancelled.
/// Read from <c>/orders/statuses</c> with guesses by name; the merchant corrects them.</summary>
[UseOptimisticConcurrency]
public sealed class OrderStatusMap
{
    public required string Id { get; set; }
    public List<TrayOrderStatus> Statuses { get; set; } = [];
    public List<string> ApprovedIds { get; set; } = [];
    public string? InvoicedId { get; set; }
    public string? ShippedId { get; set; }
    public List<string> CancelledIds { get; set; } = [];
    /// <summary>Import an order on its own as soon as it is seen in an approved status.</summary>
    public bool AutoImportApproved { get; set; }
    /// <summary>Whether the merchant set the roles (then a refresh keeps them) or they are still our guesses.</summary>
    public bool ConfirmedByUser { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }

    public bool IsCancelled(string? statusId) => statusId is not null && CancelledIds.Contains(statusId);

    public bool IsApproved(string? statusId) => statusId is not null && ApprovedIds.Contains(statusId);
}

public sealed record TrayOrderStatus(string Id, string Name);
