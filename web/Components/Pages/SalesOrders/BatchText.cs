using TrayBridge.Api.Invoicing;
using TrayBridge.Api.Tray;

namespace TrayBridge.Web.Components.Pages.SalesOrders;

/// <summary>A batch order's state as the batch page names and colours it (the seed's words: Autorizada, Rejeitada,
/// Denegada, Ignorada).</summary>
public static class BatchText
{
    public static string Label(string state) => state switch
    {
        BatchOrderStates.Waiting => "Aguardando",
        BatchOrderStates.Skipped => "Ignorada",
        BatchOrderStates.Issued => "Enviada à SEFAZ, aguardando autorização",
        BatchOrderStates.Authorized => "Autorizada",
        BatchOrderStates.Rejected => "Rejeitada",
        BatchOrderStates.Denied => "Denegada",
        "voided" => "Inutilizada",
        _ => state,
    };

    public static string Tone(string state) => state switch
    {
        BatchOrderStates.Authorized => "ok",
        BatchOrderStates.Rejected or BatchOrderStates.Denied => "error",
        BatchOrderStates.Skipped => "warn",
        _ => "neutral",
    };

    public const string TrayPending = InvoiceDeliveryStates.Pending, TrayError = InvoiceDeliveryStates.Error;

    /// <summary>Whether an authorized note reached its Tray order: Enviada à Tray, aguardando (not yet, or not yet seen by
    /// the connector), or erro with Tray's reason.</summary>
    public static string TrayLabel(InvoiceDeliveryItem? delivery) => delivery?.State switch
    {
        InvoiceDeliveryStates.Sent => "Enviada à Tray",
        InvoiceDeliveryStates.Error => "Erro ao enviar à Tray",
        _ => "Aguardando envio à Tray",
    };

    public static string TrayTone(InvoiceDeliveryItem? delivery) => delivery?.State switch
    {
        InvoiceDeliveryStates.Sent => "ok",
        InvoiceDeliveryStates.Error => "error",
        _ => "neutral",
    };

    /// <summary>Orders no longer waiting for anything: the progress bar's "n".</summary>
    public static int Finished(BatchProgress progress) =>
        progress.Orders.Count(o => o.State is not (BatchOrderStates.Waiting or BatchOrderStates.Issued));
}
