using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A product variant with up to two grid axes (tray-api.md §3.6).</summary>
public sealed class Variant
{
    public long Id { get; init; }
    public long ProductId { get; set; }
    public string Ean { get; set; } = "";
    public string Reference { get; set; } = "";
    public int Order { get; set; }
    public decimal Price { get; set; }
    public decimal CostPrice { get; set; }
    public decimal PromotionalPrice { get; set; }
    public DateOnly? StartPromotion { get; set; }
    public DateOnly? EndPromotion { get; set; }
    public decimal Stock { get; set; }
    public decimal MinimumStock { get; set; }
    public decimal Weight { get; set; }
    public decimal Length { get; set; }
    public decimal Width { get; set; }
    public decimal Height { get; set; }
    public bool Available { get; set; } = true;
    public decimal QuantitySold { get; set; }
    public List<(string Type, string Value)> Sku { get; private set; } = [];
    public Pictures Pictures { get; } = new();
    public DateTimeOffset Modified { get; set; }

    /// <summary>Applies a body; the grid comes as <c>type_1/value_1/type_2/value_2</c> or as <c>Sku[]</c>, DEV21 shows both.</summary>
    public List<(int Slot, string Url)> Apply(JsonObject body)
    {
        ProductId = body.Long("product_id") ?? ProductId;
        Ean = body.Text("ean") ?? Ean;
        Reference = body.Text("reference") ?? Reference;
        Order = (int)(body.Long("order") ?? Order);
        Price = body.Decimal("price") ?? Price;
        CostPrice = body.Decimal("cost_price") ?? CostPrice;
        PromotionalPrice = body.Decimal("promotional_price") ?? PromotionalPrice;
        if (body.Text("start_promotion") is { } start) StartPromotion = TrayTime.ParseDay(start);
        if (body.Text("end_promotion") is { } end) EndPromotion = TrayTime.ParseDay(end);
        Stock = body.Decimal("stock") ?? Stock;
        MinimumStock = body.Decimal("minimum_stock") ?? MinimumStock;
        Weight = body.Decimal("weight") ?? Weight;
        Length = body.Decimal("length") ?? Length;
        Width = body.Decimal("width") ?? Width;
        Height = body.Decimal("height") ?? Height;
        Available = body.Bool("available") ?? Available;

        var axes = new[] { 1, 2 }.Select(i => (Type: body.Text($"type_{i}"), Value: body.Text($"value_{i}")))
            .Where(a => !string.IsNullOrEmpty(a.Type) && a.Value is not null).Select(a => (a.Type!, a.Value!)).ToList();
        var sku = body.Objects("Sku").Select(s => (Type: s.Text("type") ?? "", Value: s.Text("value") ?? "")).Where(s => s.Type.Length > 0).ToList();
        if (axes.Count > 0) Sku = axes;
        else if (sku.Count > 0) Sku = sku;
        return Pictures.Apply(body);
    }
}
