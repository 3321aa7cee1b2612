using TrayBridge.Api;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary>Why a sales order of a batch was not issued: stable codes, Portuguese details that say what to do.</summary>
public static class SkipReasons
{
    public static readonly Reason OrdersUnavailable = new("orders.unavailable",
        "O serviço de pedidos não respondeu: emita este pedido de novo em instantes.");
    public static readonly Reason InvoicedByAnotherBatch = new("order.invoiced_by_another_batch", "Já faturado por outro lote.");

    /// <summary>Null when the order may be invoiced now; else why it is skipped.</summary>
    public static Reason? For(SalesOrderForInvoice answer) => answer switch
    {
        { Found: false } => new("order.not_found", "Pedido de venda não encontrado."),
        { Invoiced: true } or { Status: "Faturado" } => new("order.already_invoiced", "O pedido já foi faturado."),
        { Status: "CanceladoNaTray" } => new("order.cancelled_on_tray", "O pedido foi cancelado na Tray."),
        { Status: "Divergente" } => new("order.divergent",
            $"O pedido mudou na Tray depois de importado ({answer.Divergence ?? "conteúdo alterado"}): importe-o de novo antes de faturar."),
        { Status: "ProntoParaFaturar", Order: not null } => null,
        _ => new("order.not_ready", $"O pedido não está pronto para faturar: {answer.StatusLabel ?? answer.Status}."),
    };

    public static Reason HasNote(int number, Nfes.NfeStatus status) =>
        new("order.has_nfe", $"O pedido já tem a NF-e {number} ({Nfes.NfeViews.Situation(status)}).");
}
