using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A product brand (<c>/products/brands</c>, TCLIB); its <c>slug</c> is the one sent, else made from the name.</summary>
public sealed class Brand
{
    private string? _slug;

    public long Id { get; init; }
    public string Name { get; set; } = "";

    public string Slug
    {
        get => _slug ?? Catalog.Slug.Of(Name);
        set => _slug = value;
    }

    public void Apply(JsonObject body)
    {
        Name = body.Text("brand") ?? body.Text("name") ?? Name;
        if (Catalog.Slug.Sent(body) is { } slug) Slug = slug;
    }

    public JsonObject ToJson() => new() { ["id"] = TrayValues.Id(Id), ["slug"] = Slug, ["brand"] = Name };
}
