using TrayBridge.ServiceDefaults.Fiscal;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Domain;

/// <summary>How a change to a sales order went: applied; refused because the value is not valid; refused because
/// there is no such line or address; or refused because the order is invoiced and its data is final.</summary>
public enum OrderChange { Applied, Invalid, NotFound, Locked }

public sealed partial class SalesOrder
{
    /// <summary>Re-derives <see cref="Status"/> and <see cref="Missing"/>. Invoiced beats cancelled beats divergent:
    /// those never become ready; otherwise the order is ready exactly when nothing is missing. An invoiced order Tray
    /// cancelled waits for its NF-e's cancellation, shown as such.</summary>
    public Readiness Evaluate()
    {
        var readiness = Readiness.Of(this);
        Missing = [.. readiness.Missing];
        Status = Invoiced && CancelledOnTray ? SalesOrderStatus.CanceladoNaTrayNfeAutorizada
            : Invoiced ? SalesOrderStatus.Faturado
            : CancelledOnTray ? SalesOrderStatus.CanceladoNaTray
            : CancelledAt is not null ? SalesOrderStatus.Cancelado
            : Divergence is not null ? SalesOrderStatus.Divergente
            : readiness.IsReady ? SalesOrderStatus.ProntoParaFaturar
            : SalesOrderStatus.PendenteDados;
        return readiness;
    }

    /// <summary>The buyer's CPF or CNPJ, formatted or bare; a CNPJ makes the buyer a company.</summary>
    public OrderChange SetCustomerTaxId(string? taxId)
    {
        if (Invoiced) return OrderChange.Locked;
        if (Domain.TaxId.Parse(taxId) is not { } parsed) return OrderChange.Invalid;
        (Customer.TaxId, Customer.IsCompany) = (parsed, parsed.IsCompany);
        return Applied();
    }

    /// <summary>The NCM of line <paramref name="line"/> (1-based), with or without dots.</summary>
    public OrderChange SetItemNcm(int line, string? ncm)
    {
        if (Invoiced) return OrderChange.Locked;
        if (Items.FirstOrDefault(item => item.Line == line) is not { } target) return OrderChange.NotFound;
        var digits = Ncm.Normalize(ncm);
        if (!Ncm.IsValid(digits)) return OrderChange.Invalid;
        target.Ncm = digits;
        return Applied();
    }

    /// <summary>Corrects the invoice address's city (delivery, else billing) when its name did not resolve to an IBGE code.</summary>
    public OrderChange SetInvoiceCity(string uf, string city, IbgeCities cities)
    {
        if (Invoiced) return OrderChange.Locked;
        if (Customer.InvoiceAddress is not { } address) return OrderChange.NotFound;
        if (cities.Find(uf, city) is not { } found) return OrderChange.Invalid;
        var corrected = address with { City = found.Name, State = found.Uf, IbgeCode = found.Code };
        if (Customer.DeliveryAddress is not null) Customer.DeliveryAddress = corrected;
        else Customer.BillingAddress = corrected;
        return Applied();
    }

    /// <summary>The marketplace's CNPJ when neither Tray nor the configured table had it.</summary>
    public OrderChange SetIntermediaryCnpj(string? cnpj)
    {
        if (Invoiced) return OrderChange.Locked;
        if (Intermediary is null) return OrderChange.NotFound;
        if (!Cnpj.IsValid(cnpj)) return OrderChange.Invalid;
        Intermediary = Intermediary with { Cnpj = Cnpj.Normalize(cnpj) };
        return Applied();
    }

    /// <summary>The seller's id on the order's marketplace (<c>idCadIntTran</c>), when Tray's order did not carry it.</summary>
    public OrderChange SetIntermediarySellerId(string? sellerId)
    {
        if (Invoiced) return OrderChange.Locked;
        if (Intermediary is null) return OrderChange.NotFound;
        if (IntermediaryRule.NormalizeSellerId(sellerId) is not { } seller || IntermediaryRule.SellerIdProblem(seller) is not null)
            return OrderChange.Invalid;
        Intermediary = Intermediary with { SellerId = seller, SellerIdFromStore = false };
        return Applied();
    }

    /// <summary>The store's seller id for the marketplace, given to an open order that has none of its own, or replacing
    /// the store's previous one (a corrected id); an order's own value, from Tray or typed on it, is never replaced.
    /// False when nothing changed.</summary>
    public bool FillIntermediarySellerId(string sellerId)
    {
        if (Invoiced || Intermediary is not { } intermediary || intermediary.SellerId == sellerId) return false;
        if (!intermediary.SellerIdFromStore && IntermediaryRule.NormalizeSellerId(intermediary.SellerId) is not null) return false;
        Intermediary = intermediary with { SellerId = sellerId, SellerIdFromStore = true };
        Evaluate();
        return true;
    }

    /// <summary>Tray cancelled the order. An invoiced one becomes <see cref="SalesOrderStatus.CanceladoNaTrayNfeAutorizada"/>
    /// and stays invoiced: its NF-e is cancelled only when the merchant says so (<see cref="RecordNfeCancelled"/>).</summary>
    public void MarkCancelled() { CancelledOnTray = true; Evaluate(); }

    /// <summary>Tray's order changed after import in a way that needs a person (e.g. items or totals).</summary>
    public void MarkDivergent(string reason) { Divergence = reason; Evaluate(); }

    /// <summary>Only a ready order can be invoiced.</summary>
    public OrderChange MarkInvoiced()
    {
        if (Invoiced) return OrderChange.Locked;
        Evaluate();
        if (Status != SalesOrderStatus.ProntoParaFaturar) return OrderChange.Invalid;
        Invoiced = true;
        return Applied();
    }

    private OrderChange Applied()
    {
        Evaluate();
        return OrderChange.Applied;
    }
}
