using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// An order status (tray-api.md §4.6). Names and ids are per store, so the defaults use scattered ids: clients must map
/// by id from <c>/orders/statuses</c>. <see cref="Paid"/> and <see cref="Cancels"/> are the simulator's own meaning of each.
/// </summary>
public sealed class OrderStatus
{
    public long Id { get; init; }
    public string Status { get; set; } = "";
    public string Type { get; set; } = "open";
    public string Description { get; set; } = "";
    public string Background { get; set; } = "#FFFFFF";
    public bool Default { get; set; }
    public bool Paid { get; init; }
    public bool Cancels { get; init; }

    public static void AddDefaults(Store store)
    {
        foreach (var status in new OrderStatus[]
        {
            new() { Id = 9, Status = "AGUARDANDO PAGAMENTO", Default = true },
            new() { Id = 16, Status = "A ENVIAR", Paid = true, Default = true },
            new() { Id = 17, Status = "ENVIADO", Paid = true, Default = true },
            new() { Id = 69, Status = "FINALIZADO", Type = "closed", Paid = true, Default = true },
            // The spelling of the cancelled type is UNCONFIRMED (§13 item 11).
            new() { Id = 82, Status = "CANCELADO", Type = "canceled", Cancels = true, Default = true },
        })
        {
            store.Statuses[status.Id] = status;
        }
    }

    public void Apply(JsonObject body)
    {
        Status = body.Text("status") ?? Status;
        Description = body.Text("description") ?? Description;
        Background = body.Text("background") ?? Background;
        Default = body.Bool("default") ?? Default;
    }

    /// <summary>The full object, as an order's <c>OrderStatus</c> carries it.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = TrayValues.Id(Id), ["default"] = TrayValues.Flag(Default), ["type"] = Type, ["show_backoffice"] = "1",
        ["allow_edit_order"] = TrayValues.Flag(!Cancels), ["description"] = Description, ["status"] = Status,
        ["show_status_central"] = "1", ["background"] = Background,
    };
}
