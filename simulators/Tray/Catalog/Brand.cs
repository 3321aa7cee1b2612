using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A product brand (<c>/products/brands</c>, TCLIB).</summary>
public sealed class Brand
{
    public long Id { get; init; }
    public string Name { get; set; } = "";

    public void Apply(JsonObject body) => Name = body.Text("brand") ?? body.Text("name") ?? Name;

    public JsonObject ToJson() => new() { ["id"] = TrayValues.Id(Id), ["slug"] = Slug.Of(Name), ["brand"] = Name };
}
