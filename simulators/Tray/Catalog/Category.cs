using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A category (tray-api.md §3.8); subcategories name their parent in <c>parent_id</c>, a root shows it empty
/// (<c>"parent_id": ""</c>, as Tray lists roots). Its <c>slug</c> is the one sent, else made from the name.</summary>
public sealed class Category
{
    private string? _slug;

    public long Id { get; init; }
    public long ParentId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string SmallDescription { get; set; } = "";
    public string Title { get; set; } = "";
    public int Order { get; set; }

    public string Slug
    {
        get => _slug ?? Catalog.Slug.Of(Name);
        set => _slug = value;
    }

    /// <summary>What <c>parent_id</c> shows: empty for a root.</summary>
    public string ParentText => ParentId == 0 ? "" : TrayValues.Id(ParentId);

    public void Apply(JsonObject body)
    {
        // "" (how Tray shows a root), "0" or null all make a root.
        if (body.ContainsKey("parent_id")) ParentId = body.Long("parent_id") ?? 0;
        Name = body.Text("name") ?? Name;
        Description = body.Text("description") ?? Description;
        SmallDescription = body.Text("small_description") ?? SmallDescription;
        Title = body.Text("title") ?? Title;
        Order = (int)(body.Long("order") ?? Order);
        if (Catalog.Slug.Sent(body) is { } slug) Slug = slug;
    }

    /// <summary>The list element; <paramref name="detail"/> adds what <c>GET /categories/{id}</c> carries.</summary>
    public JsonObject ToJson(string storeId, bool detail)
    {
        var json = new JsonObject
        {
            ["id"] = TrayValues.Id(Id), ["parent_id"] = ParentText, ["name"] = Name,
            ["description"] = Description, ["small_description"] = SmallDescription, ["Images"] = new JsonArray(),
        };
        if (!detail) return json;
        json["slug"] = Slug;
        json["order"] = Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
        json["title"] = Title.Length > 0 ? Title : Name;
        json["link"] = new JsonObject
        {
            ["http"] = $"http://loja{storeId}.commercesuite.com.br/{Slug}", ["https"] = $"https://loja{storeId}.commercesuite.com.br/{Slug}",
        };
        json["has_acceptance_term"] = "0";
        json["acceptance_term"] = "";
        return json;
    }
}
