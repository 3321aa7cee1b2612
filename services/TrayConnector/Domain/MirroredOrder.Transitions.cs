using TrayBridge.Api.Tray;
using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.TrayConnector.Domain;

/// <summary>Every change of a mirrored order's situation and reason, each from the facts that cause it: the slices say
/// what happened, the row decides where it stands. Reasons are matched by their code, never by their text.</summary>
public sealed partial class MirroredOrder
{
    private const string NotFoundOnTrayDetail = "Pedido não encontrado na Tray.";
    private const string ChangedOnTrayDetail = "Pedido alterado na Tray depois da importação: importe-o de novo para levar o conteúdo novo.";

    /// <summary>Imported (and not divergent), or an import asked for less than <paramref name="inFlightFor"/> ago: asking
    /// again would only repeat it. A divergent order is importable again, to take Tray's new content.</summary>
    public bool ImportNeedless(DateTimeOffset now, TimeSpan inFlightFor) =>
        SalesOrderId is not null && Situation != OrderSituation.Divergente
        || Situation == OrderSituation.Importando && ImportRequestedAt is { } at && now - at < inFlightFor;

    /// <summary>Whether an approved order may be imported automatically: never imported, not cancelled, not under way.</summary>
    public bool AwaitsImport => SalesOrderId is null && Situation == OrderSituation.NaoIntegrado && !Cancelled;

    /// <summary>An import was scheduled (by the merchant, or automatically): the row shows it under way, with no old reason.</summary>
    public void ImportRequested(DateTimeOffset now)
    {
        (Situation, ImportRequestedAt) = (OrderSituation.Importando, now);
        SetReason(null, null);
    }

    /// <summary>The import took the order's read (its content hash, and whether it was cancelled) to publish: kept, to notice
    /// later edits. False when the order was imported meanwhile (and is not being imported again): nothing is published then.</summary>
    public bool ImportStarted(string? contentHash, bool cancelled)
    {
        if (SalesOrderId is not null && Situation != OrderSituation.Importando) return false;
        (ImportedHash, ChangeNotifiedHash, ImportedCancelled) = (contentHash, null, cancelled);
        Situation = OrderSituation.Importando;
        SetReason(null, null);
        return true;
    }

    /// <summary>Tray refused the order's read for good, or answered something unreadable: importable again after a fix.</summary>
    public void TrayReadFailed(string detail)
    {
        Situation = OrderSituation.Erro;
        SetReason(OrderReasonCodes.TrayReadFailed, $"Não foi possível ler o pedido na Tray: {detail}");
    }

    /// <summary>Tray answered 404: said on the row; an import under way ends in Erro, other situations stand.</summary>
    public void NotFoundOnTray()
    {
        SetReason(OrderReasonCodes.NotFoundOnTray, NotFoundOnTrayDetail);
        if (Situation == OrderSituation.Importando) Situation = OrderSituation.Erro;
    }

    /// <summary>Tray has the order (again): a "not found" reason is no longer true.</summary>
    public void FoundOnTray()
    {
        if (ReasonCode == OrderReasonCodes.NotFoundOnTray) SetReason(null, null);
    }

    /// <summary>Orders made the sales order. True the first time (a redelivery, or a re-import of a divergent order, finds it
    /// already there). A divergent order stays divergent until <see cref="DetectChange"/> finds it matches again.</summary>
    public bool Imported(Guid salesOrderId)
    {
        var first = SalesOrderId is null;
        SalesOrderId = salesOrderId;
        if (Situation is OrderSituation.Importando or OrderSituation.Erro or OrderSituation.NaoIntegrado)
        {
            Situation = OrderSituation.Integrado;
            SetReason(null, null);
        }
        return first;
    }

    /// <summary>Orders refused the import. A divergent order's re-import that failed stays divergent, now with the reason;
    /// an order never imported is in Erro.</summary>
    public void ImportFailed(string reason)
    {
        if (SalesOrderId is not null)
        {
            if (Situation != OrderSituation.Importando) return;
            Situation = OrderSituation.Divergente;
        }
        else Situation = OrderSituation.Erro;
        SetReason(OrderReasonCodes.ImportFailed, reason);
    }

    /// <summary>An imported order that Tray later cancels or edits (items, money, buyer, address) must not be invoiced as
    /// it was imported: an edit shows as <c>Divergente</c>, and the change is returned to publish once (null when there is
    /// nothing new to tell). A status moving on (paid, shipped) is not a change of content.</summary>
    public TrayOrderChanged? DetectChange(string tenantId, DateTimeOffset now)
    {
        if (SalesOrderId is null || ImportedHash is null) return null;
        var edited = ContentHash != ImportedHash;
        var tellEdit = edited && ChangeNotifiedHash != ContentHash;
        var tellCancel = Cancelled && !ImportedCancelled && !CancellationNotified;
        if (edited && !Cancelled)
        {
            Situation = OrderSituation.Divergente;
            SetReason(OrderReasonCodes.ChangedOnTray, ChangedOnTrayDetail);
        }
        if (!tellEdit && !tellCancel) return null;
        if (tellEdit) ChangeNotifiedHash = ContentHash;
        if (tellCancel) CancellationNotified = true;
        return new TrayOrderChanged(tenantId, StoreId, TrayOrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), Status,
            Cancelled, now) { ContentChanged = edited };
    }

    /// <summary>Sets the reason and its code together, so neither is ever left from an earlier failure.</summary>
    private void SetReason(string? code, string? reason) => (ReasonCode, Reason) = (reason is null ? null : code, reason);
}
