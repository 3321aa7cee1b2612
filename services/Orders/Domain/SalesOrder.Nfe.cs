namespace TrayBridge.Orders.Domain;

/// <summary>SEFAZ's last refusal of the order's NF-e: <see cref="Code"/> is cStat, shown until a note is authorized.</summary>
public sealed record NfeRejection(string Code, string Reason, DateTimeOffset At);

public sealed partial class SalesOrder
{
    /// <summary>The authorized NF-e's chave de acesso (44 digits); null until invoiced.</summary>
    public string? NfeKey { get; set; }
    /// <summary>The note's id in Invoicing, when <c>NfeIssued</c> named it.</summary>
    public Guid? NfeId { get; set; }
    public int? NfeNumber { get; set; }
    public int? NfeSeries { get; set; }
    public DateTimeOffset? NfeIssuedAt { get; set; }
    public NfeRejection? LastNfeRejection { get; set; }

    /// <summary>An NF-e was authorized for the order: it is <see cref="SalesOrderStatus.Faturado"/> with the note's key.
    /// The same note again is <see cref="OrderChange.Applied"/> without change; a different note for an invoiced order is
    /// <see cref="OrderChange.Locked"/> (the first one stays: two notes for one order need a person).</summary>
    public OrderChange RecordNfeIssued(string key, int number, int series, DateTimeOffset issuedAt, Guid? nfeId = null)
    {
        if (Invoiced) return NfeKey == key ? OrderChange.Applied : OrderChange.Locked;
        // A cancellation that overtook its note's authorization on the bus: the note no longer stands.
        if (CancelledNfes.Any(c => c.Key == key)) return OrderChange.Applied;
        (NfeKey, NfeId, NfeNumber, NfeSeries, NfeIssuedAt, LastNfeRejection) = (key, nfeId, number, series, issuedAt, null);
        // SEFAZ authorized it: the note exists even if the order stopped being ready meanwhile (edited or cancelled on
        // Tray), so the order is invoiced regardless — never offered for a second note. Divergence/cancellation stay visible.
        if (MarkInvoiced() != OrderChange.Applied)
        {
            Invoiced = true;
            Evaluate();
        }
        return OrderChange.Applied;
    }

    /// <summary>SEFAZ refused the order's NF-e: shown on the order; readiness is not touched (the fix is in the data or the
    /// emitter, and the note is re-sent under its number). An older refusal arriving late does not replace a newer one.</summary>
    public void RecordNfeRejected(string code, string reason, DateTimeOffset at)
    {
        if (Invoiced || (LastNfeRejection is { } last && last.At > at)) return;
        LastNfeRejection = new NfeRejection(code, reason, at);
    }
}
