namespace TrayBridge.Invoicing.Domain.Orders;

/// <summary>
/// A sales order as the NF-e needs it, mirroring what the Orders service holds (SalesOrder: customer snapshot, items
/// with NCM and prorated charges, marketplace intermediary, payment type). Fetched from Orders at batch time; the
/// builder checks it again and refuses what would be rejected.
/// </summary>
/// <param name="OrderNumber">Tray's order id, printed in <c>infCpl</c> and <c>xPed</c> for the store to find the note.</param>
/// <param name="Items">In the order's sequence; <see cref="NfeOrderItem.Line"/> becomes <c>nItem</c>.</param>
/// <param name="Intermediary">The marketplace the order came through; null for the store's own site.</param>
/// <param name="Shipped">The goods travel by carrier at the emitter's charge (<c>modFrete</c> 0) rather than with no
/// transport (9).</param>
/// <param name="ExpectedTotal">The order's total as Orders checked it against Tray; when set, the note's <c>vNF</c> must
/// equal it to the cent.</param>
public sealed record NfeOrder(
    string OrderNumber, NfeRecipient Recipient, IReadOnlyList<NfeOrderItem> Items, NfePayment Payment,
    NfeIntermediary? Intermediary = null, bool Shipped = true, decimal? ExpectedTotal = null)
{
    /// <summary>Free text for <c>infCpl</c>, after the order number.</summary>
    public string? Notes { get; init; }
}
