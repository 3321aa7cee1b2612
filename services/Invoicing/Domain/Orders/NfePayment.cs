namespace TrayBridge.Invoicing.Domain.Orders;

/// <summary><c>tPag</c> codes the store's payments map to (DFe.NET pagTipos; nfe.md §2.4).</summary>
public enum NfePaymentType
{
    Dinheiro = 1,
    CartaoCredito = 3,
    CartaoDebito = 4,
    Boleto = 15,
    /// <summary>Pagamento instantâneo (PIX) with a QR code made for the sale, as checkouts do.</summary>
    PixDinamico = 17,
    TransferenciaCarteiraDigital = 18,
    SemPagamento = 90,
    /// <summary>Needs <see cref="NfePayment.Description"/> (<c>xPag</c>).</summary>
    Outros = 99,
}

/// <summary>How the order was paid (<c>pag/detPag</c>): the whole <c>vNF</c> in one payment.</summary>
/// <param name="Description">The store's name for the method (<c>xPag</c>, sent with <see cref="NfePaymentType.Outros"/>).</param>
/// <param name="Installments">More than one makes the sale a prazo (<c>indPag</c> 1).</param>
public sealed record NfePayment(NfePaymentType Type, string? Description = null, int Installments = 1)
{
    /// <summary>From Tray's <c>payment_method_type</c> (<c>pix</c>, <c>credit_card</c>, <c>bank_billet</c>…) and its label;
    /// an unknown type is "outros" with the label as <c>xPag</c>.</summary>
    public static NfePayment FromTray(string? paymentMethodType, string? paymentMethod, int installments = 1)
    {
        var type = (paymentMethodType ?? "").Trim().ToLowerInvariant() switch
        {
            "pix" => NfePaymentType.PixDinamico,
            "credit_card" or "creditcard" => NfePaymentType.CartaoCredito,
            "debit_card" or "debitcard" => NfePaymentType.CartaoDebito,
            "bank_billet" or "boleto" => NfePaymentType.Boleto,
            "wallet" or "transfer" or "bank_transfer" => NfePaymentType.TransferenciaCarteiraDigital,
            "cash" => NfePaymentType.Dinheiro,
            _ => NfePaymentType.Outros,
        };
        return new NfePayment(type, paymentMethod, Math.Max(installments, 1));
    }

    /// <summary>The 2-digit <c>tPag</c>.</summary>
    public string Code => ((int)Type).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public bool IsCard => Type is NfePaymentType.CartaoCredito or NfePaymentType.CartaoDebito;
}
