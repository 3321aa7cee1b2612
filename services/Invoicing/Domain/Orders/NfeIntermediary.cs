namespace TrayBridge.Invoicing.Domain.Orders;

/// <summary>The marketplace an order was sold through (NT 2020.006): <c>indIntermed</c> 1 and <c>infIntermed</c> with
/// the marketplace's CNPJ and the seller's id on it (<c>idCadIntTran</c>).</summary>
public sealed record NfeIntermediary(string Cnpj, string SellerId);
