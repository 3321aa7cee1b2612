using System.Text.Json.Serialization;
using Marten.Schema;
using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.TrayConnector.Domain;

/// <summary>Situations of the seed's "integrado / não integrado" card, plus the states in between.</summary>
public enum OrderSituation { NaoIntegrado, Importando, Integrado, Erro, Divergente }

/// <summary>One Tray order as last read from Tray, per store: the list screen is served from here, with no Tray call.
/// <see cref="Modified"/> is Tray's own stamp, compared as text to decide whether <c>/complete</c> must be read again;
/// <see cref="ImportedHash"/> is the content an import was made from, so a later edit on Tray is noticed.</summary>
[UseOptimisticConcurrency]
public sealed partial class MirroredOrder
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public long TrayOrderId { get; set; }
    /// <summary>The São Paulo day it was placed, as yyyymmdd: Tray's dates are São Paulo days.</summary>
    public int PlacedDay { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
    public string CustomerName { get; set; } = "";
    /// <summary>The name folded (lower case, no accents) for the accent-insensitive customer filter.</summary>
    public string CustomerSearch { get; set; } = "";
    public decimal Total { get; set; }
    public string Status { get; set; } = "";
    public string? StatusId { get; set; }
    public bool Cancelled { get; set; }
    public string Origin { get; set; } = "";
    public string? Modified { get; set; }
    /// <summary>False until <c>/complete</c> was read: a row known only from a list or a webhook.</summary>
    public bool Complete { get; set; }
    public string? ContentHash { get; set; }
    public string? ImportedHash { get; set; }
    /// <summary>Whether Tray counted the order as cancelled when it was imported.</summary>
    public bool ImportedCancelled { get; set; }
    /// <summary>The last content change and cancellation already published as <c>TrayOrderChanged</c>: each is told once.</summary>
    public string? ChangeNotifiedHash { get; set; }
    public bool CancellationNotified { get; set; }
    /// <summary>Set only by the transitions (<c>MirroredOrder.Transitions.cs</c>), always with <see cref="Reason"/>.</summary>
    [JsonInclude] public OrderSituation Situation { get; private set; }
    [JsonInclude] public string? Reason { get; private set; }
    /// <summary>The stable code of <see cref="Reason"/> (<c>TrayBridge.Api.Tray.OrderReasonCodes</c>).</summary>
    [JsonInclude] public string? ReasonCode { get; private set; }
    /// <summary>Whether the sales order can be invoiced is not kept here: it changes with every fix made in Orders, which
    /// publishes no event for it, so a copy would go stale. Readiness is read from Orders (the panel does so).</summary>
    public Guid? SalesOrderId { get; set; }
    public DateTimeOffset? ImportRequestedAt { get; set; }
    /// <summary>What the order holds, per Tray product: until imported, Tray has counted it against its stock and the
    /// ERP has not, so a stock push must leave it out (no overselling bounce).</summary>
    public List<MirroredOrderItem> Items { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The last <c>/complete</c> read, as imported: an import soon after it (auto-import, or the merchant's
    /// within <c>Tray:Orders:ReuseReadFor</c>) takes it instead of reading Tray again — each read costs a call of the
    /// store's 180 a minute (issue 12). A later edit on Tray still shows: the next read compares its hash.</summary>
    public TrayOrderFetched? LastRead { get; set; }
    public DateTimeOffset? LastReadAt { get; set; }

    public static string IdFor(string storeId, string trayOrderId) => $"{storeId}:{trayOrderId}";
}

public sealed record MirroredOrderItem(string TrayProductId, string? TrayVariantId, decimal Quantity);
