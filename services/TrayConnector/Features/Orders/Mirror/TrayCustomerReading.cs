using System.Text.Json;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>The buyer inside <c>/complete</c>: <c>Customer</c> with its addresses under <c>CustomerAddresses</c> (a different
/// key than the customer endpoint's, tray-api.md §6.2). Address <c>type</c> 0 is billing, 1 delivery; the order's own
/// <c>CustomerAddress.id</c>, when given, is the one it ships to.</summary>
public static class TrayCustomerReading
{
    public static TrayOrderCustomer? Read(JsonElement order)
    {
        var customer = order.Object("Customer");
        if (!customer.IsPresent()) return null;
        var addresses = customer.List("CustomerAddresses", "CustomerAddress").Where(a => a.IsPresent()).ToList();
        var deliveryId = order.Object("CustomerAddress").Id("id");
        var delivery = addresses.FirstOrDefault(a => deliveryId is not null && a.Id("id") == deliveryId) is { ValueKind: JsonValueKind.Object } chosen
            ? chosen : addresses.FirstOrDefault(a => a.Text("type") == "1");
        var billing = addresses.FirstOrDefault(a => a.Text("type") == "0");
        return new TrayOrderCustomer(customer.Id("id") ?? "", customer.Text("name") ?? customer.Text("company_name") ?? "",
            IsCompany: customer.Text("type") == "1", Digits.OrNull(customer.Text("cpf")), Cnpj.Normalize(customer.Text("cnpj")),
            customer.Text("state_inscription"), customer.Text("email"), customer.Text("cellphone") ?? customer.Text("phone"),
            Address(billing.ValueKind == JsonValueKind.Object ? billing : delivery), Address(delivery.ValueKind == JsonValueKind.Object ? delivery : billing));
    }

    private static TrayOrderAddress? Address(JsonElement a) => a.IsPresent()
        ? new TrayOrderAddress(a.Text("recipient"), a.Text("address") ?? "", a.Text("number") ?? "S/N", a.Text("complement"),
            a.Text("neighborhood") ?? "", a.Text("city") ?? "", (a.Text("state") ?? "").ToUpperInvariant(), Digits.OrNull(a.Text("zip_code")) ?? "",
            a.Text("country") ?? "BRA")
        : null;
}
