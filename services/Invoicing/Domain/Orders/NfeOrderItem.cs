namespace TrayBridge.Invoicing.Domain.Orders;

/// <summary>One line of the order (SalesOrderItem): the product's code and name, its fiscal codes, quantity and unit
/// price, and its share of the order's discount (coupon included), freight and other charges, already prorated by
/// Orders so that the shares add up to the order's amounts. <c>vProd</c> is quantity × unit price to the cent.</summary>
/// <param name="Code">The SKU (<c>cProd</c>); the line number is used when empty.</param>
/// <param name="Ncm">8 digits.</param>
/// <param name="Cest">7 digits, for goods listed under ICMS-ST (Convênio ICMS 142/2018); optional.</param>
/// <param name="Ean">GTIN; "SEM GTIN" is sent when absent or not valid.</param>
/// <param name="Origin">The goods' origin (<c>orig</c>): 0 national; 1, 2, 3, 8 imported (4% interstate).</param>
public sealed record NfeOrderItem(
    int Line, string Code, string Description, string Ncm, decimal Quantity, decimal UnitPrice,
    decimal Discount = 0m, decimal Freight = 0m, decimal OtherCharges = 0m,
    string? Cest = null, string? Ean = null, int Origin = 0)
{
    /// <summary><c>uCom</c>/<c>uTrib</c>.</summary>
    public string Unit { get; init; } = "UN";
}
