using System.Text.Json.Serialization;

namespace TrayBridge.Orders.Domain;

/// <summary>One line of a sales order: the ERP product it is, Tray's ids, the fiscal codes, and its part of the
/// order's discount, freight and other charges (prorated by <see cref="SalesOrderTotals.ProrateOver"/>).</summary>
public sealed class SalesOrderItem
{
    /// <summary>1-based, in Tray's order: the NF-e's <c>nItem</c>.</summary>
    public int Line { get; set; }
    public Guid ProductId { get; set; }
    public Guid? VariationId { get; set; }
    public required string TrayProductId { get; set; }
    public string? TrayVariantId { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public string? VariantLabel { get; set; }
    /// <summary>Digits only; the order is not ready until it has 8.</summary>
    public string? Ncm { get; set; }
    public string? Ean { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    /// <summary>Quantity × unit price to the cent (<c>vProd</c>).</summary>
    public decimal Gross { get; set; }
    public decimal Discount { get; set; }
    public decimal Freight { get; set; }
    public decimal OtherCharges { get; set; }

    /// <summary>How the user recognises the line: its SKU, or its number when Tray has no reference for it.</summary>
    [JsonIgnore] public string Label => string.IsNullOrWhiteSpace(Sku) ? $"item {Line}" : $"SKU {Sku}";
}
