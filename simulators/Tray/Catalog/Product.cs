using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A Tray product (tray-api.md §3.3–3.4). Stock of a product with variants is the sum of its variants'.</summary>
public sealed class Product
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public string Ean { get; set; } = "";
    public string Ncm { get; set; } = "";
    public string Reference { get; set; } = "";
    public string Model { get; set; } = "";
    public string Brand { get; set; } = "";
    public long BrandId { get; set; }
    public long CategoryId { get; set; }
    public string Description { get; set; } = "";
    public string DescriptionSmall { get; set; } = "";
    public decimal Price { get; set; }
    public decimal CostPrice { get; set; }
    public decimal PromotionalPrice { get; set; }
    public DateOnly? StartPromotion { get; set; }
    public DateOnly? EndPromotion { get; set; }
    public decimal Stock { get; set; }
    public decimal MinimumStock { get; set; }
    public bool Available { get; set; } = true;
    public decimal Weight { get; set; }
    public decimal Length { get; set; }
    public decimal Width { get; set; }
    public decimal Height { get; set; }
    public bool FreeShipping { get; set; }
    public decimal QuantitySold { get; set; }
    public Pictures Pictures { get; } = new();
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; set; }

    /// <summary>The price a buyer pays today (São Paulo day): the promotional one inside its dates.</summary>
    public decimal CurrentPrice(DateOnly today) =>
        PromotionalPrice > 0 && (StartPromotion is null || StartPromotion <= today) && (EndPromotion is null || today <= EndPromotion)
            ? PromotionalPrice : Price;

    /// <summary>Applies the members a POST or PUT sends (PUT is partial); returns the picture slots to download.</summary>
    public List<(int Slot, string Url)> Apply(JsonObject body)
    {
        Name = body.Text("name") ?? Name;
        Ean = body.Text("ean") ?? Ean;
        Ncm = body.Text("ncm") ?? Ncm;
        Reference = body.Text("reference") ?? Reference;
        Model = body.Text("model") ?? Model;
        Brand = body.Text("brand") ?? Brand;
        BrandId = body.Long("brand_id") ?? BrandId;
        CategoryId = body.Long("category_id") ?? CategoryId;
        Description = body.Text("description") ?? Description;
        DescriptionSmall = body.Text("description_small") ?? DescriptionSmall;
        Price = body.Decimal("price") ?? Price;
        CostPrice = body.Decimal("cost_price") ?? CostPrice;
        PromotionalPrice = body.Decimal("promotional_price") ?? PromotionalPrice;
        if (body.Text("start_promotion") is { } start) StartPromotion = TrayTime.ParseDay(start);
        if (body.Text("end_promotion") is { } end) EndPromotion = TrayTime.ParseDay(end);
        Stock = body.Decimal("stock") ?? Stock;
        MinimumStock = body.Decimal("minimum_stock") ?? MinimumStock;
        Available = body.Bool("available") ?? Available;
        Weight = body.Decimal("weight") ?? Weight;
        Length = body.Decimal("length") ?? Length;
        Width = body.Decimal("width") ?? Width;
        Height = body.Decimal("height") ?? Height;
        FreeShipping = body.Bool("free_shipping") ?? FreeShipping;
        return Pictures.Apply(body);
    }
}
