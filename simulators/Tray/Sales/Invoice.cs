using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>An order's nota fiscal as reported to Tray (tray-api.md §5.2); CFOP is per item.</summary>
public sealed class Invoice
{
    public long Id { get; init; }
    public long OrderId { get; init; }
    public string IssueDate { get; set; } = TrayTime.ZeroDate;
    public string Number { get; set; } = "";
    public string Serie { get; set; } = "";
    public decimal Value { get; set; }
    public string Key { get; set; } = "";
    public string Link { get; set; } = "";
    public string XmlDanfe { get; set; } = "";
    public List<(string ProductId, string VariationId, string Cfop)> ProductCfop { get; private set; } = [];
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }

    public void Apply(JsonObject body)
    {
        IssueDate = body.Text("issue_date") ?? IssueDate;
        Number = body.Text("number") ?? Number;
        Serie = body.Text("serie") ?? Serie;
        Value = body.Decimal("value") ?? Value;
        Key = body.Text("key") ?? Key;
        Link = body.Text("link") ?? Link;
        XmlDanfe = body.Text("xml_danfe") ?? XmlDanfe;
        if (body["ProductCfop"] is not null)
            ProductCfop = body.Objects("ProductCfop")
                .Select(c => (c.Text("product_id") ?? "0", c.Text("variation_id") ?? "0", c.Text("cfop") ?? "")).ToList();
    }

    public JsonObject ToJson(bool withCfop)
    {
        var json = new JsonObject
        {
            ["id"] = TrayValues.Id(Id), ["order_id"] = TrayValues.Id(OrderId), ["issue_date"] = IssueDate, ["number"] = Number,
            ["serie"] = Serie, ["value"] = TrayValues.Money(Value), ["key"] = Key, ["link"] = Link, ["xml_danfe"] = XmlDanfe,
            ["created"] = TrayTime.DateTime(Created), ["updated"] = TrayTime.DateTime(Updated),
        };
        if (withCfop) json["ProductCfop"] = CfopJson();
        return json;
    }

    public JsonArray CfopJson() => TrayValues.Array(ProductCfop.Select(c => (JsonNode)new JsonObject
    {
        ["product_id"] = c.ProductId, ["variation_id"] = c.VariationId, ["cfop"] = c.Cfop, ["order_invoice_id"] = TrayValues.Id(Id),
    }));
}
