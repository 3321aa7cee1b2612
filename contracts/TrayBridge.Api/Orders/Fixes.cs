namespace TrayBridge.Api.Orders;

// The bodies of the fixes that make a pending sales order ready; each answers 200 with the SalesOrderDetail.

/// <summary><c>PUT …/{id}/customer/tax-id</c>: a CPF or CNPJ, formatted or bare (a CNPJ makes the buyer a company).</summary>
public sealed record CustomerTaxIdFix(string? TaxId);

/// <summary><c>PUT …/{id}/items/{line}/ncm</c>: 8 digits, dots allowed (6109.10.00).</summary>
public sealed record ItemNcmFix(string? Ncm);

/// <summary><c>PUT …/{id}/invoice-city</c>: the municipality's name and UF, as people type it.</summary>
public sealed record InvoiceCityFix(string? Uf, string? City);

/// <summary><c>PUT …/{id}/intermediary/cnpj</c>: the marketplace's CNPJ.</summary>
public sealed record IntermediaryCnpjFix(string? Cnpj);

/// <summary><c>PUT …/{id}/intermediary/seller-id</c>: the seller's id on the order's marketplace (2 to 60 characters).
/// <see cref="ApplyToMarketplace"/> keeps it for the store's marketplace too, and fills every open order of it that lacks
/// one (as <c>PUT /api/orders/stores/{storeId}/marketplaces/{name}</c> does).</summary>
public sealed record IntermediarySellerIdFix(string? SellerId, bool ApplyToMarketplace = false);

/// <summary>The fixes' field bounds: anything longer is refused before it is parsed.</summary>
public static class FixLimits
{
    public const int MaxFieldLength = 100;
    /// <summary>A fix's JSON body, in bytes.</summary>
    public const int MaxBodyBytes = 4_096;
}
