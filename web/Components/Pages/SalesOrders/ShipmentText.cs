using System.Globalization;
using TrayBridge.Api.Tray;

namespace TrayBridge.Web.Components.Pages.SalesOrders;

/// <summary>How Pedidos de venda words an invoiced order's dispatch on its way to Tray, and reads the bulk form's lines.</summary>
public static class ShipmentText
{
    /// <summary>Rastreio enviado à Tray, aguardando (not yet, or not yet seen by the connector), or erro with Tray's reason.</summary>
    public static string TrayLabel(ShipmentDeliveryItem? delivery) => delivery?.State switch
    {
        ShipmentDeliveryStates.Sent => "Rastreio enviado à Tray",
        ShipmentDeliveryStates.Error => "Erro ao enviar o rastreio à Tray",
        _ => "Rastreio aguardando envio à Tray",
    };

    public static string TrayTone(ShipmentDeliveryItem? delivery) => delivery?.State switch
    {
        ShipmentDeliveryStates.Sent => delivery.StatusNote is null ? "ok" : "warn",
        ShipmentDeliveryStates.Error => "error",
        _ => "neutral",
    };

    /// <summary>Whether "Reenviar" applies: refused, or sent without moving the status (fixed by mapping one in Tray de/para).</summary>
    public static bool CanResend(ShipmentDeliveryItem? delivery) =>
        delivery is { State: ShipmentDeliveryStates.Error } or { State: ShipmentDeliveryStates.Sent, StatusMoved: false };

    /// <summary>The bulk form's text, one order a line: "pedido código [url]" (spaces, tabs or ; between, as pasted from a
    /// carrier's spreadsheet). Lines that do not have both are given back to be shown.</summary>
    public static (List<(string TrayOrderId, string Code, string? Url)> Lines, List<string> Unreadable) ParseLines(string? text)
    {
        var lines = new List<(string, string, string?)>();
        var unreadable = new List<string>();
        foreach (var raw in (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split([' ', '\t', ';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 2 or 3 && parts[0].All(char.IsAsciiDigit)) lines.Add((parts[0], parts[1], parts.Length == 3 ? parts[2] : null));
            else unreadable.Add(raw);
        }
        return (lines, unreadable);
    }

    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
