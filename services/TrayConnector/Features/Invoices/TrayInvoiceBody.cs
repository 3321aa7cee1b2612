using System.Globalization;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>The body of <c>POST /orders/{id}/invoices</c> (tray-api.md §5.2). Whether Tray wants it wrapped in
/// <c>OrderInvoice</c> or flat is disputed (§5.4): both forms are built, the wrapped one first, as every other resource is.
/// <c>link</c> is the DANFE's URL; <c>xml_danfe</c> the authorized <c>nfeProc</c> itself (marketplaces read the note from it).</summary>
public static class TrayInvoiceBody
{
    public static object Wrapped(InvoiceDelivery delivery, string nfeProc) => TrayJson.Envelope("OrderInvoice", Flat(delivery, nfeProc));

    public static Dictionary<string, object> Flat(InvoiceDelivery delivery, string nfeProc) => new()
    {
        // Keys written as Tray spells them: a dictionary keeps them from the snake_case policy (ProductCfop is PascalCase).
        ["issue_date"] = SaoPauloDay(delivery.IssuedAt),
        ["number"] = delivery.Number.ToString(CultureInfo.InvariantCulture),
        ["serie"] = delivery.Series.ToString(CultureInfo.InvariantCulture),
        ["value"] = delivery.Value.ToString("0.00", CultureInfo.InvariantCulture),
        ["key"] = delivery.Key,
        ["link"] = delivery.DanfeUrl,
        ["xml_danfe"] = nfeProc,
        ["ProductCfop"] = delivery.Items.Select(i => new Dictionary<string, string>
        {
            ["product_id"] = i.TrayProductId, ["variation_id"] = i.TrayVariantId ?? "0", ["cfop"] = i.Cfop,
        }).ToList(),
    };

    /// <summary>Tray's dates carry no offset and mean São Paulo's calendar day.</summary>
    private static string SaoPauloDay(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, BrazilTime.SaoPaulo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
