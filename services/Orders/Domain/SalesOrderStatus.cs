using TrayBridge.Api.Orders;

namespace TrayBridge.Orders.Domain;

/// <summary>Where a sales order stands. Only <see cref="ProntoParaFaturar"/> may be invoiced; cancelled and divergent orders
/// never go back to it, an invoiced one only when its NF-e is cancelled at SEFAZ. Values are appended, never reordered: the
/// detail answers the number too.</summary>
public enum SalesOrderStatus
{
    /// <summary>Data the NF-e needs is missing (see <see cref="SalesOrder.Missing"/>).</summary>
    PendenteDados,
    ProntoParaFaturar,
    CanceladoNaTray,
    /// <summary>Tray's order no longer matches what was imported (see <see cref="SalesOrder.Divergence"/>).</summary>
    Divergente,
    Faturado,
    /// <summary>Tray cancelled an order whose NF-e is authorized: cancelling the note is a fiscal act the merchant decides
    /// (<c>Cancelar NF-e</c>); nothing is cancelled until then.</summary>
    CanceladoNaTrayNfeAutorizada,
    /// <summary>Cancelled in the ERP by the merchant (<c>POST …/{id}/cancel</c>); its Tray order follows.</summary>
    Cancelado,
}

public static class SalesOrderStatusLabels
{
    /// <summary>The status as the user reads it; a pending order lists what is missing, e.g.
    /// "Pendente: falta CPF/CNPJ; falta NCM (SKU CAM-1)".</summary>
    public static string Label(this SalesOrderStatus status, IReadOnlyList<string> missing) => status switch
    {
        SalesOrderStatus.PendenteDados => missing.Count == 0 ? "Pendente" : $"Pendente: {string.Join("; ", missing)}",
        SalesOrderStatus.ProntoParaFaturar => "Pronto para faturar",
        SalesOrderStatus.CanceladoNaTray => "Cancelado na Tray",
        SalesOrderStatus.Divergente => "Divergente",
        SalesOrderStatus.Faturado => "Faturado",
        SalesOrderStatus.CanceladoNaTrayNfeAutorizada => "Cancelado na Tray — NF-e autorizada",
        SalesOrderStatus.Cancelado => "Cancelado",
        _ => status.ToString(),
    };

    /// <summary>The status as the API's stable situation code (<see cref="SalesOrderSituations"/>).</summary>
    public static string Situation(this SalesOrderStatus status) => status switch
    {
        SalesOrderStatus.PendenteDados => SalesOrderSituations.Pending,
        SalesOrderStatus.ProntoParaFaturar => SalesOrderSituations.Ready,
        SalesOrderStatus.CanceladoNaTray => SalesOrderSituations.CancelledOnTray,
        SalesOrderStatus.Divergente => SalesOrderSituations.Divergent,
        SalesOrderStatus.Faturado => SalesOrderSituations.Invoiced,
        SalesOrderStatus.CanceladoNaTrayNfeAutorizada => SalesOrderSituations.CancelledOnTrayInvoiced,
        SalesOrderStatus.Cancelado => SalesOrderSituations.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status a situation code names; null for an unknown code.</summary>
    public static SalesOrderStatus? FromSituation(string code) =>
        Enum.GetValues<SalesOrderStatus>().Select(s => (SalesOrderStatus?)s).FirstOrDefault(s => s!.Value.Situation() == code);
}
