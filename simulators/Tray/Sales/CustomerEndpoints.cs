using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary><c>/customers</c> and <c>/customers/addresses</c> (tray-api.md §6.1).</summary>
public static class CustomerEndpoints
{
    private static readonly ListSpec<Customer> Spec = new()
    {
        Collection = "Customers",
        Id = c => c.Id,
        Filters = new()
        {
            ["id"] = ListSpec<Customer>.Exact(c => TrayValues.Id(c.Id)),
            ["name"] = ListSpec<Customer>.Exact(c => c.Name),
            ["email"] = ListSpec<Customer>.Exact(c => c.Email),
            ["cpf"] = ListSpec<Customer>.Exact(c => c.Cpf),
            ["cnpj"] = ListSpec<Customer>.Exact(c => c.Cnpj),
        },
        Days = new() { ["created"] = c => c.Created, ["modified"] = c => c.Modified },
        Sorts = new() { ["name"] = c => c.Name, ["modified"] = c => c.Modified },
        AvailableFilters = ["id", "name", "email", "cpf", "cnpj", "created", "modified"],
    };

    public static void MapCustomers(this RouteGroupBuilder api)
    {
        api.MapGet("/customers", (HttpContext http, TrayRequest tray, SettingsHolder settings) =>
        {
            lock (tray.Store.Sync)
                return Listing.Page(http, settings.Current, tray.Store.Customers.Values, Spec,
                    c => new JsonObject { ["Customer"] = CustomerJson.ListItem(c, tray.Store) });
        });
        api.MapGet("/customers/{id:long}", (long id, HttpContext http, TrayRequest tray) =>
        {
            lock (tray.Store.Sync)
                return tray.Store.Customers.TryGetValue(id, out var c)
                    ? Results.Json(new JsonObject { ["Customer"] = CustomerJson.Detail(c, tray.Store) })
                    : TrayError.NotFound(http, "Cliente");
        });
        api.MapPost("/customers", async (HttpContext http, TrayRequest tray, SimulatorClock clock) =>
        {
            var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "Customer");
            if (body?.Text("name") is not { Length: > 0 }) return TrayError.BadRequest(http, "O campo name é obrigatório");
            lock (tray.Store.Sync)
                return TrayWrite.Created(CustomerRegistration.Create(tray.Store, body, clock.GetUtcNow()).Id);
        });
        api.MapPut("/customers/{id:long}", async (long id, HttpContext http, TrayRequest tray, SimulatorClock clock) =>
        {
            var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "Customer");
            if (body is null) return TrayError.BadRequest(http, "Informe os dados do cliente em Customer");
            lock (tray.Store.Sync)
            {
                if (!tray.Store.Customers.TryGetValue(id, out var customer)) return TrayError.NotFound(http, "Cliente");
                customer.Apply(body);
                customer.Modified = clock.GetUtcNow();
                return TrayWrite.Saved(id);
            }
        });
        api.MapDelete("/customers/{id:long}", (long id, HttpContext http, TrayRequest tray) =>
        {
            lock (tray.Store.Sync)
                return tray.Store.Customers.Remove(id) ? TrayWrite.Deleted(id) : TrayError.NotFound(http, "Cliente");
        });
        MapAddresses(api);
    }

    private static void MapAddresses(RouteGroupBuilder api) => new CrudResource<CustomerAddress>
    {
        Path = "/customers/addresses", Wrapper = "CustomerAddress", Label = "Endereço",
        List = new ListSpec<CustomerAddress>
        {
            Collection = "CustomerAddresses", Id = a => a.Id,
            Filters = new()
            {
                ["customer_id"] = ListSpec<CustomerAddress>.Exact(a => TrayValues.Id(a.CustomerId)),
                ["type"] = ListSpec<CustomerAddress>.Exact(a => a.Type.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            },
            AvailableFilters = ["customer_id", "type", "not_list"],
        },
        Items = store => store.Addresses,
        Create = store => new CustomerAddress { Id = store.NextId("address", 500) },
        Apply = (a, body) => a.Apply(body),
        ToJson = (a, _, _) => CustomerJson.Address(a),
        Validate = (body, creating) => creating && body.Long("customer_id") is null ? "O campo customer_id é obrigatório" : null,
    }.Map(api);
}
