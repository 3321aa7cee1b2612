namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>The <c>Tray:Orders</c> section: how the order mirror is fed.</summary>
public sealed class OrderSettings
{
    /// <summary>Time between two polls of a store (webhooks make it rarely the first to see an order).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How far back a newly connected store's orders are mirrored: webhooks never cover past orders.</summary>
    public int BackfillDays { get; set; } = 90;
    /// <summary>A poll run reads <c>/complete</c> for this long, then lets other work in and carries on in the next run.</summary>
    public TimeSpan MaxRunDuration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Webhook re-reads per store per minute: a flood of (possibly forged) notifications cannot drain the budget;
    /// the excess waits, it is not dropped.</summary>
    public int WebhookRereadsPerMinute { get; set; } = 60;
    /// <summary>An import takes the mirror's last <c>/complete</c> read when it is this recent (a poll's, a webhook's),
    /// instead of reading the order again; a change made on Tray after it is still noticed by the next read.</summary>
    public TimeSpan ReuseReadFor { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>NCM and EAN read from Tray for a product the ERP has no link to are reused this long, per store.</summary>
    public TimeSpan ProductFiscalFor { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A store's catalogue up to this many pages of 50 is read whole, once per <see cref="ProductFiscalFor"/>,
    /// when an import first lacks a product: a first import then costs a few calls, not one per product (issue 12).</summary>
    public int CataloguePages { get; set; } = 4;
}
