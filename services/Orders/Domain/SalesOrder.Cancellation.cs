namespace TrayBridge.Orders.Domain;

/// <summary>An NF-e of the order that SEFAZ cancelled (evento 110111), kept so the order's history shows it and a late
/// <c>NfeIssued</c> of that key never makes the order invoiced again.</summary>
public sealed record CancelledNfe(string Key, int Number, int Series, string Protocol, DateTimeOffset CancelledAt);

/// <summary>What an NF-e's cancellation did to its order: nothing (another note, or told before); the order may be invoiced
/// again; or the order — cancelled on Tray meanwhile — is now cancelled too.</summary>
public enum NfeCancellationOutcome { Unchanged, Reopened, OrderCancelled }

public enum CancelChange { Cancelled, Unchanged, Invoiced }

public sealed partial class SalesOrder
{
    public List<CancelledNfe> CancelledNfes { get; set; } = [];
    /// <summary>When the merchant cancelled the order in the ERP; null otherwise (a Tray cancellation is <see cref="CancelledOnTray"/>).</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>SEFAZ cancelled the order's NF-e: the order is no longer invoiced and its data may be fixed and invoiced again
    /// (a new number), or cancelled. Only the note the order holds reopens it; a cancellation of another key is kept in
    /// the history only, so it can never undo a newer note.</summary>
    public NfeCancellationOutcome RecordNfeCancelled(string key, int number, int series, string protocol, DateTimeOffset at)
    {
        if (CancelledNfes.Any(c => c.Key == key)) return NfeCancellationOutcome.Unchanged;
        CancelledNfes.Add(new CancelledNfe(key, number, series, protocol, at));
        if (!Invoiced || NfeKey != key) return NfeCancellationOutcome.Unchanged;
        (Invoiced, NfeKey, NfeId, NfeNumber, NfeSeries, NfeIssuedAt) = (false, null, null, null, null, null);
        Evaluate();
        return CancelledOnTray ? NfeCancellationOutcome.OrderCancelled : NfeCancellationOutcome.Reopened;
    }

    /// <summary>The merchant cancels the order in the ERP. An invoiced order is refused: its NF-e is cancelled first.</summary>
    public CancelChange Cancel(string? reason, DateTimeOffset now)
    {
        if (Invoiced) return CancelChange.Invoiced;
        if (CancelledAt is not null || CancelledOnTray) return CancelChange.Unchanged;
        (CancelledAt, CancelReason) = (now, reason);
        Evaluate();
        return CancelChange.Cancelled;
    }
}
