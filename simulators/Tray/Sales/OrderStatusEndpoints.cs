using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary><c>/orders/statuses</c> (tray-api.md §4.6): the list carries <c>status, id, show_backoffice</c>, one status <c>status, id, default</c>.</summary>
public static class OrderStatusEndpoints
{
    public static void MapOrderStatuses(this RouteGroupBuilder api) => new CrudResource<OrderStatus>
    {
        Path = "/orders/statuses", Wrapper = "OrderStatus", Label = "Status",
        List = new ListSpec<OrderStatus>
        {
            Collection = "OrderStatuses", Id = s => s.Id,
            Filters = new()
            {
                ["id"] = ListSpec<OrderStatus>.Exact(s => TrayValues.Id(s.Id)),
                ["status"] = ListSpec<OrderStatus>.Exact(s => s.Status),
            },
            Sorts = new() { ["status"] = s => s.Status },
            AvailableFilters = ["id", "status", "default"],
        },
        Items = store => store.Statuses,
        Create = store => new OrderStatus { Id = store.NextId("status", 100) },
        Apply = (s, body) => s.Apply(body),
        ToJson = (s, _, detail) => detail
            ? new JsonObject { ["status"] = s.Status, ["id"] = TrayValues.Id(s.Id), ["default"] = TrayValues.Flag(s.Default) }
            : new JsonObject { ["status"] = s.Status, ["id"] = TrayValues.Id(s.Id), ["show_backoffice"] = "1" },
        Validate = (body, creating) => creating && body.Text("status") is not { Length: > 0 } ? "O campo status é obrigatório" : null,
    }.Map(api);
}
