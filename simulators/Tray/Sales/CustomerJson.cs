using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>A customer in its three shapes (tray-api.md §6.2): list element, <c>/customers/{id}</c>, inside <c>/complete</c>.</summary>
public static class CustomerJson
{
    public static JsonObject ListItem(Customer c, Store store)
    {
        var main = MainAddress(c, store);
        return new JsonObject
        {
            ["id"] = TrayValues.Id(c.Id), ["name"] = c.Name, ["cpf"] = c.Cpf, ["birth_date"] = TrayTime.Date(c.BirthDate),
            ["gender"] = c.Gender.ToString(System.Globalization.CultureInfo.InvariantCulture), ["email"] = c.Email, ["cnpj"] = c.Cnpj,
            ["last_visit"] = TrayTime.DateTime(c.Modified), ["city"] = main?.City ?? "", ["state"] = main?.State ?? "",
            ["newsletter"] = TrayValues.Flag(c.Newsletter), ["created"] = TrayTime.DateTime(c.Created),
            ["registration_date"] = TrayTime.Date(c.Created), ["modified"] = TrayTime.DateTime(c.Modified),
            ["CustomerAddress"] = TrayValues.IdsOnly(Addresses(c, store).Select(a => a.Id)),
        };
    }

    public static JsonObject Detail(Customer c, Store store)
    {
        var main = MainAddress(c, store);
        var json = ListItem(c, store);
        foreach (var (name, value) in new (string, string)[]
        {
            ("rg", c.Rg), ("phone", c.Phone), ("cellphone", c.Cellphone), ("nickname", ""), ("token", ""),
            ("total_orders", TrayValues.Id(store.Orders.Values.Count(o => o.CustomerId == c.Id))), ("observation", ""),
            ("type", c.Type.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("company_name", c.CompanyName),
            ("state_inscription", c.StateInscription), ("reseller", "0"), ("discount", "0.000"), ("blocked", "0"),
            ("credit_limit", "0.00"), ("indicator_id", "0"), ("profile_customer_id", "0"), ("last_sending_newsletter", TrayTime.ZeroDate),
            ("last_purchase", TrayTime.Date(store.Orders.Values.Where(o => o.CustomerId == c.Id).Select(o => (DateTimeOffset?)o.Created).Max())),
            ("last_modification", TrayTime.DateTime(c.Modified)), ("address", main?.Address ?? ""), ("zip_code", main?.ZipCode ?? ""),
            ("number", main?.Number ?? ""), ("complement", main?.Complement ?? ""), ("neighborhood", main?.Neighborhood ?? ""),
        })
        {
            json[name] = value;
        }
        return json;
    }

    /// <summary>Inside an order's <c>complete</c>: addresses in full under a different key than the customer endpoint uses.</summary>
    public static JsonObject InOrder(Customer c, Store store)
    {
        var json = Detail(c, store);
        json.Remove("CustomerAddress");
        json["country"] = "Brasil";
        json["terms"] = new JsonArray();
        json["Extensions"] = new JsonObject { ["Profile"] = new JsonArray(), ["Profiles"] = new JsonArray() };
        json["CustomerAddresses"] = TrayValues.Array(Addresses(c, store).Select(a => (JsonNode)new JsonObject { ["CustomerAddress"] = Address(a) }));
        return json;
    }

    public static JsonObject Address(CustomerAddress a) => new()
    {
        ["id"] = TrayValues.Id(a.Id), ["customer_id"] = TrayValues.Id(a.CustomerId), ["address"] = a.Address, ["number"] = a.Number,
        ["complement"] = a.Complement, ["neighborhood"] = a.Neighborhood, ["city"] = a.City, ["state"] = a.State,
        ["zip_code"] = a.ZipCode, ["country"] = a.Country, ["type"] = a.Type.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["active"] = TrayValues.Flag(a.Active), ["description"] = a.Description, ["recipient"] = a.Recipient,
        ["type_delivery"] = a.Type == 1 ? "1" : "0", ["not_list"] = "0",
    };

    private static IEnumerable<CustomerAddress> Addresses(Customer c, Store store) => store.Addresses.Values.Where(a => a.CustomerId == c.Id);

    private static CustomerAddress? MainAddress(Customer c, Store store) =>
        Addresses(c, store).OrderBy(a => a.Type).FirstOrDefault();
}
