using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A category (tray-api.md §3.8); subcategories name their parent in <c>parent_id</c>.</summary>
public sealed class Category
{
    public long Id { get; init; }
    public long ParentId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string SmallDescription { get; set; } = "";
    public string Title { get; set; } = "";
    public int Order { get; set; }

    public void Apply(JsonObject body)
    {
        ParentId = body.Long("parent_id") ?? ParentId;
        Name = body.Text("name") ?? Name;
        Description = body.Text("description") ?? Description;
        SmallDescription = body.Text("small_description") ?? SmallDescription;
        Title = body.Text("title") ?? Title;
        Order = (int)(body.Long("order") ?? Order);
    }

    /// <summary>The list element; <paramref name="detail"/> adds what <c>GET /categories/{id}</c> carries.</summary>
    public JsonObject ToJson(string storeId, bool detail)
    {
        var json = new JsonObject
        {
            ["id"] = TrayValues.Id(Id), ["parent_id"] = TrayValues.Id(ParentId), ["name"] = Name,
            ["description"] = Description, ["small_description"] = SmallDescription, ["Images"] = new JsonArray(),
        };
        if (!detail) return json;
        var slug = Slug.Of(Name);
        json["slug"] = slug;
        json["order"] = Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
        json["title"] = Title.Length > 0 ? Title : Name;
        json["link"] = new JsonObject
        {
            ["http"] = $"http://loja{storeId}.commercesuite.com.br/{slug}", ["https"] = $"https://loja{storeId}.commercesuite.com.br/{slug}",
        };
        json["has_acceptance_term"] = "0";
        json["acceptance_term"] = "";
        return json;
    }
}
