namespace TrayBridge.Api.Orders;

/// <summary>A row of <c>GET /api/orders/customers?search=&amp;page=&amp;pageSize=</c> (pageSize ≤ 200).</summary>
public sealed record CustomerSummary(string Id, string Name, bool IsCompany, string? TaxId, string? Email, string? City, string? State);

public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Items, int Page, int PageSize, long Total);

/// <summary><c>GET /api/orders/customers/{id}</c>: the ERP customer imports made. <see cref="TrayCustomers"/> are the
/// "store:Tray customer id" pairs it is known by.</summary>
public sealed record CustomerDetail(
    string Id, string Name, bool IsCompany, TaxIdData? TaxId, string? StateInscription, string? Email, string? Phone,
    AddressData? BillingAddress, AddressData? DeliveryAddress, IReadOnlyList<string> TrayCustomers, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
