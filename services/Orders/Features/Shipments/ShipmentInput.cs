using System.Globalization;
using TrayBridge.Api.Orders;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Features.Shipments;

/// <summary>A shipment's fields checked and trimmed, or the Portuguese message per field at fault.</summary>
public sealed record ShipmentInput(string Carrier, string TrackingCode, string? TrackingUrl, DateOnly ShippedAt)
{
    public static DateOnly Today(DateTimeOffset now) => BrazilTime.Today(now);

    public static (ShipmentInput? Input, Dictionary<string, string[]> Errors) Parse(string? carrier, string? trackingCode, string? trackingUrl,
        DateOnly? shippedAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        carrier = carrier?.Trim();
        trackingCode = trackingCode?.Trim();
        trackingUrl = string.IsNullOrWhiteSpace(trackingUrl) ? null : trackingUrl.Trim();
        if (string.IsNullOrEmpty(carrier)) errors["carrier"] = ["Informe a transportadora."];
        else if (carrier.Length > ShipmentLimits.MaxCarrierLength) errors["carrier"] = [$"No máximo {ShipmentLimits.MaxCarrierLength} caracteres."];
        if (string.IsNullOrEmpty(trackingCode)) errors["trackingCode"] = ["Informe o código de rastreio."];
        else if (trackingCode.Length > ShipmentLimits.MaxTrackingCodeLength || trackingCode.Any(char.IsControl))
            errors["trackingCode"] = [$"O código de rastreio tem no máximo {ShipmentLimits.MaxTrackingCodeLength} caracteres, sem quebras de linha."];
        if (trackingUrl is not null && (trackingUrl.Length > ShipmentLimits.MaxTrackingUrlLength
            || !Uri.TryCreate(trackingUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            errors["trackingUrl"] = ["A URL de rastreio deve ser um endereço http(s) completo, como https://rastreamento.correios.com.br/…"];
        var today = Today(now);
        // Tomorrow is tolerated (a parcel handed over late at night, a clock ahead); later is a typing mistake.
        if (shippedAt is { } day && day > today.AddDays(1))
            errors["shippedAt"] = [$"A data de envio não pode ser futura (hoje é {today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})."];
        return errors.Count > 0 ? (null, errors) : (new ShipmentInput(carrier!, trackingCode!, trackingUrl, shippedAt ?? today), errors);
    }
}
